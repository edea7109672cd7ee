"""Two analysts load at the same time: both loads succeed, and the graph is what one load would have made."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

from neo4j.exceptions import TransientError

from graph.settings import Settings
from graph.store import GraphStore
from graph.store_types import Batch, WriteSummary
from tests.graph.test_load import DIGEST, FIXTURES, REFERENCE, graph_snapshot, load, rows

REPO = Path(__file__).resolve().parents[2]
DUPLICATE_LINKS = (
    "MATCH (a)-[r]->(b) WITH a, b, type(r) AS type, properties(r) AS props, count(*) AS copies "
    "WHERE copies > 1 RETURN a.id AS a, type, b.id AS b, copies"
)


SHIFT_DAYS = {"a": 0, "b": 10, "c": 20}
"""How far each renamed copy's dates move: copies on the same days would be the same events to the matcher
(identical but for their ids: `kg load` makes them reports of one fact, whichever load comes first)."""


def renamed_digest(folder: Path, tag: str) -> Path:
    """The fixture digest with every record and source id renamed and its dates moved SHIFT_DAYS[tag] days:
    other facts, the same actors, sources' texts, months and year."""
    (folder / "sources").mkdir(exist_ok=True)
    text = FIXTURES / "sources" / "peace-loving-region.txt"
    (folder / "sources" / text.name).write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    body = DIGEST.read_text(encoding="utf-8")
    body = re.sub(r"\b(event|agreement|office|claim|source):(?=\S)", rf"\1:{tag}-", body)
    shift = timedelta(days=SHIFT_DAYS[tag])
    body = re.sub(
        r"\b\d{4}-\d{2}-\d{2}\b", lambda day: (date.fromisoformat(day[0]) + shift).isoformat(), body
    )
    path = folder / f"{tag}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


async def one_load_snapshot(store: GraphStore, *paths: Path) -> list[str]:
    for path in paths:
        await load(store, path)
    snapshot = await graph_snapshot(store, with_element_ids=False, changes=False)
    await rows(store, "MATCH (n) DETACH DELETE n")
    return snapshot


async def test_two_loads_of_the_same_digest_at_once_both_succeed_and_write_it_once(store: GraphStore) -> None:
    expected = await one_load_snapshot(store, DIGEST)

    first, second = await asyncio.gather(load(store, DIGEST), load(store, DIGEST))

    assert first.files and second.files
    assert await rows(store, DUPLICATE_LINKS) == []
    assert await graph_snapshot(store, with_element_ids=False, changes=False) == expected


async def test_two_loads_of_digests_sharing_actors_and_days_both_succeed(
    store: GraphStore, tmp_path: Path
) -> None:
    digests = [renamed_digest(tmp_path, tag) for tag in ("a", "b", "c")]
    expected = await one_load_snapshot(store, *digests)

    await asyncio.gather(*(load(store, digest) for digest in digests), load(store, digests[0]))

    assert await rows(store, DUPLICATE_LINKS) == []
    assert await graph_snapshot(store, with_element_ids=False, changes=False) == expected


async def test_two_sources_reporting_the_same_new_events_at_once_make_one_fact_with_two_reports(
    store: GraphStore, tmp_path: Path
) -> None:
    """Two outlets' digests give the same events, new to the graph, loaded at the same time: whichever
    load comes second waits for the first's month locks, then reads its reports (a fact it did not find
    when its transaction began), so every event ends with both reports, not the last one's alone."""
    (tmp_path / "sources").mkdir()
    text = FIXTURES / "sources" / "peace-loving-region.txt"
    (tmp_path / "sources" / text.name).write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "other-outlet.yaml"
    body = DIGEST.read_text(encoding="utf-8")
    other.write_text(re.sub(r"\bsource:(?=\S)", "source:other-", body), encoding="utf-8")

    await asyncio.gather(load(store, DIGEST), load(store, other))

    events = await rows(
        store,
        "MATCH (e:Event) RETURN e.id AS id, e.source_count AS count, "
        "COUNT { (e)<-[:OF]-(r:Report) WHERE r.retracted_at IS NULL } AS live",
    )
    assert events and all(each["count"] == 2 and each["live"] == 2 for each in events), events


def offices_and_claims_digest(folder: Path, source: str) -> Path:
    """The fixture digest's source (renamed `source`), offices and claims only: no event or agreement, so
    nothing of the file takes a month lock of the event and agreement matcher."""
    (folder / "sources").mkdir(exist_ok=True)
    text = FIXTURES / "sources" / "peace-loving-region.txt"
    (folder / "sources" / text.name).write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    body = DIGEST.read_text(encoding="utf-8")
    head, _, rest = body.partition("\nevents:\n")
    offices = rest[rest.index("\noffices:\n") :]
    head = re.sub(r"\bid: source:\S+", f"id: {source}", head)
    path = folder / f"{source.partition(':')[2]}.yaml"
    path.write_text(head + offices, encoding="utf-8")
    return path


async def test_two_sources_reporting_the_same_new_offices_and_claims_at_once_make_one_fact_with_two_reports(
    store: GraphStore, tmp_path: Path
) -> None:
    """Two outlets name the same office holders and the same figure, new to the graph, in digests with no
    event, loaded at the same time: the second load waits for the first's lock on those offices and claims,
    then reads its reports, so each fact ends with both reports, not the last load's alone."""
    digests = [offices_and_claims_digest(tmp_path, f"source:outlet-{tag}") for tag in ("a", "b")]

    await asyncio.gather(*(load(store, digest) for digest in digests))

    facts = await rows(
        store,
        "MATCH (f) WHERE f:Office OR f:Claim RETURN f.id AS id, f.source_count AS count, "
        "COUNT { (f)<-[:OF]-(r:Report) WHERE r.retracted_at IS NULL } AS live ORDER BY id",
    )
    assert len(facts) == 3, facts
    assert all(each["count"] == 2 and each["live"] == 2 for each in facts), facts


async def test_a_write_that_loses_a_deadlock_is_retried_and_lands(store: GraphStore) -> None:
    """A transaction holds source A and waits for B; the write, begun after it, holds B and asks for A:
    Neo4j aborts one of them (the younger, the write, by its default strategy), and the write is retried
    and lands."""
    await rows(store, "CREATE (:Source {id: 'source:a'}), (:Source {id: 'source:b'})")
    holding_a = asyncio.Event()
    holding_b = asyncio.Event()
    other_waits = asyncio.Event()
    attempts = 0

    def source(source_id: str) -> Batch:
        return Batch("load_sources", [{"id": source_id, "props": {"id": source_id, "title": "written"}}])

    def batches() -> AsyncIterator[Batch]:
        async def each() -> AsyncIterator[Batch]:
            nonlocal attempts
            attempts += 1
            yield source("source:b")
            holding_b.set()
            await other_waits.wait()
            await asyncio.sleep(0.5)  # the other transaction is now waiting for B
            yield source("source:a")

        return each()

    async def other() -> bool:
        """Lock A, then ask for B; False when Neo4j chose this transaction as the deadlock's victim."""
        async with store.driver.session(database=store.database) as session:
            tx = await session.begin_transaction()
            try:
                await (await tx.run("MATCH (s:Source {id: 'source:a'}) SET s.other = true")).consume()
                holding_a.set()
                await holding_b.wait()
                other_waits.set()
                await (await tx.run("MATCH (s:Source {id: 'source:b'}) SET s.other = true")).consume()
                await tx.commit()
                return True
            except TransientError:
                return False
            finally:
                if not tx.closed():
                    await tx.rollback()

    async def write() -> WriteSummary:
        await holding_a.wait()
        return await store.write_batches(batches)

    written, other_committed = await asyncio.gather(write(), other())

    assert written.rows == 2
    titles = await rows(store, "MATCH (s:Source) RETURN s.id AS id, s.title AS title ORDER BY id")
    assert titles == [{"id": "source:a", "title": "written"}, {"id": "source:b", "title": "written"}]
    assert (attempts, other_committed) == (2, True)


async def test_two_kg_load_processes_at_once_both_exit_0(
    store: GraphStore, settings: Settings, tmp_path: Path
) -> None:
    digests = [renamed_digest(tmp_path, tag) for tag in ("a", "b")]
    expected = await one_load_snapshot(store, *digests)
    environment = {**os.environ, "NEO4J_URI": settings.neo4j_uri or ""}
    command = [sys.executable, "-m", "graph.cli", "load", "--reference", str(REFERENCE)]
    logs = [tmp_path / f"stderr-{number}.txt" for number in range(3)]

    children = []
    for path, log in zip((*digests, digests[0]), logs, strict=True):
        with log.open("wb") as stderr:
            children.append(
                subprocess.Popen(
                    [*command, str(path)], cwd=REPO, env=environment, stdout=subprocess.DEVNULL, stderr=stderr
                )
            )
    codes = [await asyncio.to_thread(child.wait, 300) for child in children]

    errors = [log.read_text(encoding="utf-8") for log in logs]
    assert codes == [0, 0, 0], errors
    assert not any("Traceback" in error for error in errors)
    assert await graph_snapshot(store, with_element_ids=False, changes=False) == expected
