"""A data person loads a seed file far larger than its records: the loader reads it record by record, so its
memory follows the largest record (KG_MAX_RECORD_BYTES), not the file, and a record over that limit is
refused naming its file, line and record."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
import yaml

from graph.errors import InvalidInput, Location
from graph.load.items import read_items
from graph.load.reading import RawFile, read_file
from graph.load.survey import survey_file
from graph.store import GraphStore
from tests.graph.test_load import DIGEST, graph_snapshot, load, rows
from tests.graph.test_load_malformed import HEADER, SOURCE_TEXT, meeting

OLD_CAP = 32 * 1024 * 1024
"""KG_MAX_FILE_BYTES before files were read record by record."""
REPO = Path(__file__).resolve().parents[2]
SEED_FILES = sorted(
    path
    for folder in (REPO / "seed_data", REPO / "tests" / "graph" / "fixtures", REPO / "tests" / "fixtures")
    for path in folder.rglob("*")
    if path.suffix in (".yaml", ".yml", ".json", ".csv")
)


def _padding(total: int, line: str) -> str:
    return line * (total // len(line) + 1)


def _second_meeting(event_id: str) -> str:
    return meeting(id=event_id).removeprefix("events:\n")


async def test_a_file_larger_than_the_old_limit_loads(store: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as out:
        out.write(HEADER + meeting())
        out.write(
            _padding(OLD_CAP, "    # a note the editor kept between two records, long enough to count\n")
        )
        out.write(_second_meeting("event:2023-04-28-after-the-notes"))
    assert big.stat().st_size > OLD_CAP

    summary = await load(store, DIGEST, big)

    assert summary.files[-1] == str(big)
    found = await rows(
        store, "MATCH (e:Event) WHERE e.id STARTS WITH 'event:2023-04-28-' RETURN e.id AS id ORDER BY id"
    )
    assert {"event:2023-04-28-meeting", "event:2023-04-28-after-the-notes"} <= {row["id"] for row in found}


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_checking_a_large_file_holds_about_one_record_not_the_file(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    big = tmp_path / f"big{suffix}"
    size = 24 * 1024 * 1024
    if suffix == ".yaml":
        body = HEADER + meeting() + _padding(size, "    # padding between records\n")
        body += _second_meeting("event:2023-04-28-later")
    else:
        record = yaml.safe_load(HEADER + meeting())
        later = dict(record["events"][0], id="event:2023-04-28-later")
        body = (
            '{"source": '
            + json.dumps(record["source"], default=str)
            + ',\n "events": [\n'
            + json.dumps(record["events"][0], default=str)
            + ","
            + _padding(size, "                              \n")
            + json.dumps(later, default=str)
            + "]}\n"
        )
    big.write_text(body, encoding="utf-8")

    tracemalloc.start()
    try:
        survey = survey_file(big, big.name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert survey.problems == []
    assert [definition[0] for definition in survey.definitions] == [
        "event:2023-04-28-meeting",
        "event:2023-04-28-later",
    ]
    assert peak < 8 * 1024 * 1024, f"the check held {peak / 2**20:.0f} MiB of a {size / 2**20:.0f} MiB file"


@pytest.mark.parametrize(
    ("name", "content", "line", "record"),
    [
        (
            "big.yaml",
            HEADER + meeting() + _second_meeting("event:x").replace("title: ", "title: " + "x" * 5000, 1),
            10,
            "events[1] event:x",
        ),
        (
            "big.json",
            '{"events": [\n  {"id": "event:x", "title": "' + "x" * 5000 + '"}]}',
            2,
            "events[0] event:x",
        ),
        (
            "big.csv",
            "id,kind,name\nperson:a,person,A\nperson:x,person," + "x" * 5000 + "\n",
            3,
            "actors[1] person:x",
        ),
    ],
)
async def test_a_record_over_the_record_limit_is_refused_naming_file_line_and_record(
    store: GraphStore, tmp_path: Path, name: str, content: str, line: int, record: str
) -> None:
    await load(store, DIGEST)
    before = await graph_snapshot(store)
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")

    with pytest.raises(InvalidInput) as caught:
        await load(store, DIGEST, bad, max_record_bytes=4096)

    [problem] = caught.value.problems
    assert problem.location == Location(str(bad), record, None, line)
    assert "more than the limit of 4,096 (KG_MAX_RECORD_BYTES)" in problem.message
    assert await graph_snapshot(store) == before


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_reading_record_by_record_gives_what_reading_the_whole_file_gives(path: Path) -> None:
    whole = read_file(path)
    raw = RawFile(path, str(path))
    streamed = [(item.key, item.index, item.data) for item in read_items(raw)]

    if whole.problems or not isinstance(whole.data, dict):
        assert raw.problems, f"{path}: refused whole, accepted record by record"
        return
    assert raw.problems == []
    expected: list[tuple[str, int | None, object]] = []
    for key, value in whole.data.items():
        if isinstance(value, list) and value and key != "source":
            expected += [(key, index, element) for index, element in enumerate(value)]
        else:
            expected.append((key, None, value))
    assert streamed == expected
