"""A data person loads a folder of digests: each file is read and checked once (the first pass keeps what it
checked for the writer), a bad record in any file still stops the whole load before anything is written, and
the load leaves no temporary files behind."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import graph.load.survey
from graph.errors import InvalidInput
from graph.load.files import SeedFile
from graph.load.validation import PARALLEL_FROM, CheckedLoad
from graph.load.writer import FileWriter, ParsedRows
from graph.store import GraphStore
from tests.graph.test_load import graph_snapshot, load, rows
from tests.graph.test_load_malformed import HEADER, SOURCE_TEXT, meeting


def _digests(folder: Path, count: int) -> list[Path]:
    """`count` one-meeting digests, each its own source, all quoting the same text."""
    (folder / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    paths = []
    for number in range(count):
        path = folder / f"digest-{number:02}.yaml"
        header = HEADER.replace("test-digest", f"digest-{number}")
        path.write_text(header + meeting(id=f"event:2023-04-28-meeting-{number}"), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where this test's load keeps its temporary files (to see that it leaves none of its own)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("count", [3, PARALLEL_FROM], ids=["in-process", "worker-processes"])
async def test_a_bad_record_in_the_last_file_writes_nothing_and_names_file_record_and_field(
    store: GraphStore, tmp_path: Path, private_temp: Path, count: int
) -> None:
    paths = _digests(tmp_path, count)
    last = paths[-1]
    last.write_text(last.read_text().replace("date: 2023-04-28", "date: 2023-02-30"), encoding="utf-8")

    with pytest.raises(InvalidInput) as caught:
        await load(store, tmp_path)

    assert [str(problem) for problem in caught.value.problems] == [
        f"{last}:6, record events[0] event:2023-04-28-meeting-{count - 1}, field 'date': "
        "'2023-02-30' is not a real date"
    ]
    assert await graph_snapshot(store) == []
    assert list(private_temp.glob("kg-load-*")) == []


async def test_the_writer_writes_what_the_first_pass_checked_even_if_the_file_changes_meanwhile(
    store: GraphStore, tmp_path: Path, private_temp: Path
) -> None:
    """The file is parsed once: what is written is what was checked, not a later edit of the file (which
    could be invalid, or refer to actors the checks never saw)."""
    [path] = _digests(tmp_path, 1)

    def edit_after_the_checks(checked: CheckedLoad) -> None:
        path.write_text(path.read_text().replace("Lukashenka meets Putin", "Edited: {not checked"))

    summary = await load(store, path, on_checked=edit_after_the_checks)

    found = await rows(store, "MATCH (e:Event {id: 'event:2023-04-28-meeting-0'}) RETURN e.title AS title")
    assert found == [{"title": "Lukashenka meets Putin"}]
    assert summary.counts["Meeting"].created == 1
    assert list(private_temp.glob("kg-load-*")) == []


async def test_each_file_is_parsed_once(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _digests(tmp_path, 3)
    parsed: list[str] = []
    read_items = graph.load.survey.read_items

    def counting(raw: graph.load.survey.RawFile, *args: object, **kwargs: object) -> object:
        parsed.append(raw.name)
        return read_items(raw, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(graph.load.survey, "read_items", counting)
    monkeypatch.setattr("graph.load.writer.read_items", counting)

    await load(store, *paths)

    assert sorted(set(parsed)) == sorted(parsed), "a file was parsed twice"
    assert {str(path) for path in paths} <= set(parsed)
    found = await rows(
        store,
        "MATCH (e:Event) WHERE e.id STARTS WITH 'event:2023-04-28-meeting-' RETURN e.source_count AS sources",
    )
    assert found == [{"sources": 3}], "the three digests report one meeting"


async def test_reading_runs_at_most_one_file_ahead_of_the_writer(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file here is one block of rows: its reader used to finish at once and start the next file's, so
    every file's rows were read before the writer was done with the first (at 100,000 events, a hundred files
    of rows in memory). Now the next file is read only once the writer has begun the one before it."""
    paths = _digests(tmp_path, 8)
    read: list[str] = []
    written: list[str] = []
    ahead: list[int] = []
    blocks, write_file = FileWriter.blocks, FileWriter.write_file

    def reading(self: FileWriter, file: SeedFile) -> Iterator[ParsedRows]:
        read.append(file.name)
        ahead.append(len(read) - len(written))
        yield from blocks(self, file)

    async def writing(self: FileWriter, file: SeedFile, producer: Any) -> None:
        await asyncio.sleep(0.2)  # the readers have time to run ahead, if they may
        await write_file(self, file, producer)
        written.append(file.name)

    monkeypatch.setattr(FileWriter, "blocks", reading)
    monkeypatch.setattr(FileWriter, "write_file", writing)

    await load(store, *paths)

    assert {str(path) for path in paths} <= set(written)
    assert max(ahead) <= 2, f"files read but not yet written, as each file's reading began: {ahead}"


async def test_a_file_whose_sections_come_in_another_order_is_written_in_the_usual_one(
    store: GraphStore, tmp_path: Path
) -> None:
    """The writer takes a file's kept records section by section in write order (actors before the events
    that name them), whatever order the file gives them in."""
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / "events-first.yaml"
    path.write_text(
        HEADER
        + meeting(participants="[{actor: Lukashenka, role: host}, {actor: person:new-envoy, role: guest}]")
        + "actors:\n  - id: person:new-envoy\n    kind: person\n    name: Ivan Newenvoy\n",
        encoding="utf-8",
    )

    await load(store, path)

    found = await rows(
        store,
        "MATCH (:Event {id: 'event:2023-04-28-meeting'})-[:PARTICIPANT]->(a:Actor) "
        "RETURN a.id AS id ORDER BY id",
    )
    assert [row["id"] for row in found] == ["person:aliaksandr-lukashenka", "person:new-envoy"]
