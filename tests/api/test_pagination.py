"""A front-end walks a long list page by page and never sees an event twice or misses one,
even when analysts add events between two page requests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import yaml

from graph.load import load_paths
from graph.store import GraphStore
from tests.conftest import gql

PAGE = """query ($first: Int, $after: String) {
  events(first: $first, after: $after) {
    totalCount edges { cursor node { id startDate } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}"""


def digest(path: Path, name: str, days: list[int]) -> Path:
    """A seed file with one meeting per day offset from 1 January 2023."""
    events = [
        {
            "id": f"event:{name}-{day:03d}",
            "kind": "meeting",
            "title": f"Meeting {name} {day}",
            "date": (date(2023, 1, 1) + timedelta(days=day)).isoformat(),
            "participants": [{"actor": "country:BY", "role": "host"}],
            "evidence": [{"quote": f"Meeting {name} {day}"}],
        }
        for day in days
    ]
    source = {"id": f"source:test-{name}", "title": f"Synthetic digest {name}"}
    file = path / f"{name}.yaml"
    belarus = {"id": "country:BY", "kind": "country", "name": "Belarus", "iso_code": "BY"}
    content = {"source": source, "actors": [belarus], "events": events}
    file.write_text(yaml.safe_dump(content), encoding="utf-8")
    return file


async def load(store: GraphStore, *files: Path) -> None:
    await load_paths(store, list(files), reference_dir=None)


async def walk(api: httpx.AsyncClient, first: int, after: str | None = None) -> dict[str, Any]:
    body = await gql(api, PAGE, first=first, after=after)
    assert "errors" not in body, body
    page: dict[str, Any] = body["data"]["events"]
    return page


async def test_250_events_page_by_page_without_gap_or_duplicate(
    api: httpx.AsyncClient, store: GraphStore, tmp_path: Path
) -> None:
    await load(store, digest(tmp_path, "batch", list(range(0, 250))))
    seen: list[str] = []
    after = None
    while True:
        page = await walk(api, 40, after)
        assert page["totalCount"] == 250
        seen += [edge["node"]["id"] for edge in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == 250 == len(set(seen))
    assert seen == sorted(seen), "ordered by date, and the ids follow the dates here"


async def test_events_inserted_between_pages_do_not_shift_the_walk(
    api: httpx.AsyncClient, store: GraphStore, tmp_path: Path
) -> None:
    await load(store, digest(tmp_path, "early", list(range(0, 250, 2))))
    first = await walk(api, 50)
    await load(store, digest(tmp_path, "late", [1, 3, 5, 151, 249]))
    rest: list[str] = []
    after = first["pageInfo"]["endCursor"]
    while after:
        page = await walk(api, 100, after)
        rest += [edge["node"]["id"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
    before = [edge["node"]["id"] for edge in first["edges"]]
    originals = [f"event:early-{day:03d}" for day in range(0, 250, 2)]
    assert [i for i in before + rest if i.startswith("event:early")] == originals
    assert "event:late-151" in rest and "event:late-249" in rest
    assert "event:late-001" not in rest, "inserted before the cursor: belongs to a page already read"


async def test_the_page_size_is_capped(api: httpx.AsyncClient) -> None:
    body = await gql(api, PAGE, first=101)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "first"}
    assert "between 1 and 100" in body["errors"][0]["message"]
    default = await walk(api, None)  # type: ignore[arg-type]
    assert default["edges"] == [] and default["totalCount"] == 0


async def test_a_forged_cursor_is_refused(api: httpx.AsyncClient) -> None:
    body = await gql(api, PAGE, first=5, after="not a cursor!")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "after"}
