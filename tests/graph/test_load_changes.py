"""Every load leaves a record of what it wrote, like a mutation does: who, when, which file (and its hash)."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.load.pipeline import os_user
from graph.load.writer import _Producer
from graph.schema import migrate
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from graph.write import history, upsert_event
from tests.graph.test_load import DIGEST, REFERENCE, copy_digest, load, rows
from tests.graph.test_load_malformed import HEADER, SOURCE_TEXT, meeting

BAN = "event:2023-04-28-putin-banned-from-moldova"
LOADS = (
    "MATCH (c:Change:Load) RETURN c.op AS op, c.by AS by, c.file AS file, c.sha256 AS sha256, "
    "reduce(all = [], ids IN [(c)-[:LISTS]->(i:LoadIds) | i.created] | all + ids) AS created, "
    "reduce(all = [], ids IN [(c)-[:LISTS]->(i:LoadIds) | i.updated] | all + ids) AS updated, "
    "c.unchanged AS unchanged ORDER BY c.at"
)


async def test_each_file_written_leaves_one_change_record_and_a_reload_that_changes_nothing_none(
    store: GraphStore, tmp_path: Path
) -> None:
    digest = copy_digest(tmp_path)

    await load(store, digest)
    await load(store, digest)

    loads = await rows(store, LOADS)
    assert sorted(Path(change["file"]).name for change in loads) == [
        digest.name,
        "people.csv",
        "places.yaml",
    ], "one record per file written (the second load wrote nothing)"
    [written] = [change for change in loads if change["file"] == str(digest)]
    assert written["op"] == "load" and written["by"] == os_user()
    assert written["sha256"] == hashlib.sha256(digest.read_bytes()).hexdigest()
    assert BAN in written["created"] and written["updated"] == [] and written["unchanged"] == 0
    facts = await rows(
        store, "MATCH (n:Event|Agreement|Office|Claim) WHERE n.title IS NOT NULL RETURN n.id AS id"
    )
    assert {fact["id"] for fact in facts} <= set(written["created"])


async def test_a_reload_of_an_edited_file_records_what_it_updated_and_by_whom(
    store: GraphStore, tmp_path: Path
) -> None:
    digest = copy_digest(tmp_path)
    await load(store, digest)
    digest.write_text(
        digest.read_text(encoding="utf-8").replace(
            "title: Putin banned from entering Moldova", "title: Moldova bans Putin"
        ),
        encoding="utf-8",
    )

    await load(store, digest, by="analyst-boris")

    [edit] = [change for change in await rows(store, LOADS) if change["by"] == "analyst-boris"]
    assert (edit["created"], edit["updated"]) == ([], [BAN])
    assert edit["unchanged"] > 0
    assert [(change.op, change.by, change.file) for change in await history(store, BAN)] == [
        ("create", os_user(), str(digest)),
        ("update", "analyst-boris", str(digest)),
    ]
    assert {change.label for change in await history(store, BAN)} == {"Event"}
    assert [change.op for change in await history(store, str(digest))] == ["load", "load"]


async def test_when_a_load_overwrites_a_mutation_the_history_says_so(
    store: GraphStore, tmp_path: Path
) -> None:
    await load(store, DIGEST)
    ban = {
        "id": BAN,
        "kind": "ban",
        "title": "Moldova bans Putin",
        "date": {"start": "2023-04-28"},
        "participants": [{"actor": "Putin", "role": "target"}, {"actor": "Moldova", "role": "issuer"}],
        "evidence": [
            {
                "quote": "Vladimir Putin (who was banned from entering Moldova on April 28th)",
                "source": "source:bif-2023-04-24-peace-loving-region",
            }
        ],
    }
    await upsert_event(store, ban, "analyst-anna")

    await load(store, DIGEST, by="loader-larisa")

    titles = await rows(store, "MATCH (e:Event {id: $id}) RETURN e.title AS title", id=BAN)
    assert titles == [{"title": "Putin banned from entering Moldova"}]
    assert [(change.op, change.by) for change in await history(store, BAN)] == [
        ("create", os_user()),
        ("update", "analyst-anna"),
        ("update", "loader-larisa"),
    ]


async def test_kg_load_by_names_who_loads(store: GraphStore, settings: Settings, tmp_path: Path) -> None:
    digest = copy_digest(tmp_path)
    runner = CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()
    try:
        result = await asyncio.to_thread(
            runner.invoke, app, ["load", str(digest), "--reference", str(REFERENCE), "--by", "ci-bot"]
        )
    finally:
        get_settings.cache_clear()

    assert result.exit_code == 0, result.output
    assert [(change.op, change.by) for change in await history(store, BAN)] == [("create", "ci-bot")]


async def test_many_small_files_in_one_load_each_leave_the_record_of_their_own_facts(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are read ahead of their transactions, in reader threads; a small file read before the writer is
    ready for it must still be written under its own change record (once, a digest's facts were listed under
    another file's). The readers here finish as soon as they start: the interleaving that lost the order."""

    def read_at_once(producer: _Producer) -> _Producer:
        producer.thread.start()
        producer.thread.join()
        return producer

    monkeypatch.setattr(_Producer, "start", read_at_once)
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    expected: dict[str, list[str]] = {}
    for month in range(1, 13):
        digest = tmp_path / f"digest-{month:02}.yaml"
        event_id = f"event:2023-{month:02}-28-meeting"
        source_id = f"source:test-digest-{month:02}"
        digest.write_text(
            HEADER.replace("source:test-digest", source_id)
            + meeting(id=event_id, date=f"2023-{month:02}-28"),
            encoding="utf-8",
        )
        expected[str(digest)] = [source_id, event_id]

    await load(store, *map(Path, expected))

    loads = await rows(store, LOADS)
    written = {change["file"]: change["created"] for change in loads if change["file"] in expected}
    assert written == expected


async def test_a_file_lists_the_ids_it_wrote_block_by_block(store: GraphStore, tmp_path: Path) -> None:
    """A file's ids are written below its change record with each block, not gathered to the end: a table of
    millions of actors must not hold millions of ids in memory, nor put them into one property."""
    digest = copy_digest(tmp_path)

    await load(store, digest, batch_size=1)

    [written] = [change for change in await rows(store, LOADS) if change["file"] == str(digest)]
    assert BAN in written["created"] and len(written["created"]) == len(set(written["created"]))
    lists = await rows(
        store, "MATCH (:Load {file: $file})-[:LISTS]->(ids:LoadIds) RETURN count(*) AS n", file=str(digest)
    )
    assert lists[0]["n"] > 1, "one list per block"
    assert [(change.op, change.file) for change in await history(store, BAN)] == [("create", str(digest))]


async def test_kg_migrate_moves_the_ids_of_older_loads_below_them(store: GraphStore) -> None:
    """A graph loaded before the ids moved to :LoadIds keeps them on its :Change:Load nodes; after migrating
    the history finds them as before, and a second migration changes nothing."""
    async with store.driver.session(database=store.database) as session:
        await session.run(
            "CREATE (:Change:Load {id: 'load:older', kind: 'load', by: 'older-loader', at: datetime(), "
            "file: 'older.yaml', created_ids: ['event:older-one'], updated_ids: ['event:older-two']})"
        )

    await migrate(store)
    await migrate(store)

    assert [(change.op, change.by) for change in await history(store, "event:older-one")] == [
        ("create", "older-loader")
    ]
    assert [change.op for change in await history(store, "event:older-two")] == ["update"]
    left = await rows(store, "MATCH (c:Load {id: 'load:older'}) RETURN c.created_ids AS ids")
    assert left == [{"ids": None}]
    lists = await rows(store, "MATCH (:Load {id: 'load:older'})-[:LISTS]->(ids:LoadIds) RETURN count(*) AS n")
    assert lists == [{"n": 1}]
