"""The directory of actors' names each process keeps (graph/read/names.py): read once however many requests
need it at the same moment, and refreshed in the background once it is old, while requests go on answering
from the one they have."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph.load import load_paths
from graph.read import names
from graph.read.names import directory, forget_names
from graph.store import GraphStore
from tests.conftest import SEED


@pytest.fixture(autouse=True)
async def fresh_names(migrated_store: GraphStore) -> AsyncIterator[None]:
    """The store is the session's: the names these tests read (of an empty graph) must not outlive them."""
    forget_names(migrated_store)
    yield
    await asyncio.sleep(0.1)  # a background read these tests started ends before the next test
    forget_names(migrated_store)


async def test_requests_that_need_the_names_at_once_share_one_read(seeded_store: GraphStore) -> None:
    forget_names(seeded_store)
    before = seeded_store.round_trips
    found = await asyncio.gather(*(directory(seeded_store) for _ in range(4)))
    assert seeded_store.round_trips - before == 1, "one read of every actor, not one per request"
    assert all(each is found[0] for each in found)
    assert "country:RU" in found[0].actors


async def test_an_old_directory_answers_at_once_while_a_fresh_one_is_read(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    forget_names(store)
    first = await directory(store)
    async with store.driver.session(database=store.database) as session:
        await session.run("CREATE (:Actor {id: 'person:newcomer', kind: 'person', name: 'A Newcomer'})")
    monkeypatch.setattr(names, "CACHE_SECONDS", 0.0)  # every directory is old from now on

    before = store.round_trips
    assert await directory(store) is first, "answered from the directory it has"
    assert await directory(store) is first
    await asyncio.sleep(0)
    assert store.round_trips - before == 1, "one fresh read under way, not one per request"

    for _ in range(200):
        fresh = await directory(store)
        if fresh is not first:
            break
        await asyncio.sleep(0.05)
    assert "person:newcomer" in fresh.actors
    assert "person:newcomer" not in first.actors


async def test_a_write_of_this_process_is_seen_by_the_next_request(store: GraphStore) -> None:
    forget_names(store)
    first = await directory(store)
    async with store.driver.session(database=store.database) as session:
        await session.run("CREATE (:Actor {id: 'person:newcomer', kind: 'person', name: 'A Newcomer'})")
    forget_names(store)  # as graph/write/upsert.py does after it writes actors
    assert "person:newcomer" in (await directory(store)).actors
    assert "person:newcomer" not in first.actors


NEWCOMER_DIGEST = """\
source: {id: source:newcomer-digest, title: A newcomer, publisher: Test, language: en}
actors:
  - {id: person:anna-newcomer, kind: person, name: Anna Newcomer, country: country:BY}
"""


async def test_the_names_a_load_of_this_process_wrote_are_answered_at_once(
    store: GraphStore, tmp_path: Path
) -> None:
    """A load run in this process (a test's fixture, a script around load_paths) changes the names the next
    request resolves, without waiting CACHE_SECONDS. (Tests that cleared and reloaded the graph resolved
    names against the graph they had before.)"""
    assert "person:anna-newcomer" not in (await directory(store)).actors, "the graph is empty"
    digest = tmp_path / "newcomer.yaml"
    digest.write_text(NEWCOMER_DIGEST, encoding="utf-8")
    await load_paths(store, [digest], reference_dir=SEED / "reference")
    assert "person:anna-newcomer" in (await directory(store)).actors
