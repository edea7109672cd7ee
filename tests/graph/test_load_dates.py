"""Long date ranges: an event links to a bounded number of time nodes whatever its span (the finest of day,
month, year and decade that fits in 62 links), and a reload that changes the span replaces them."""

from __future__ import annotations

from pathlib import Path

from graph.model.dates import MAX_TIME_LINKS
from graph.store import GraphStore
from tests.graph.test_load import DIGEST, load, rows
from tests.graph.test_load_malformed import HEADER, SOURCE_TEXT, meeting

MEETING = "event:2023-04-28-meeting"
TIME_LINKS = """MATCH (:Event {id: $id})-[:ON]->(t)
RETURN labels(t) AS labels, coalesce(toString(t.date), left(toString(t.month), 7), toString(t.year),
                                     toString(t.decade) + 's') AS key
ORDER BY key"""


def digest_with(folder: Path, date: str) -> Path:
    """A digest of one meeting, dated `date` (as written in YAML)."""
    (folder / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = folder / "meeting.yaml"
    path.write_text(HEADER + meeting(date=date), encoding="utf-8")
    return path


async def time_links(store: GraphStore, event: str = MEETING) -> list[tuple[str, str]]:
    return [(row["labels"][0], row["key"]) for row in await rows(store, TIME_LINKS, id=event)]


async def test_an_event_spanning_three_centuries_links_a_decade_each(
    store: GraphStore, tmp_path: Path
) -> None:
    summary = await load(store, DIGEST, digest_with(tmp_path, "{start: 1800-01-01, end: 2100-12-31}"))

    links = await time_links(store)
    assert len(links) == 31 <= MAX_TIME_LINKS
    assert {label for label, _ in links} == {"Decade"}
    assert (links[0][1], links[-1][1]) == ("1800s", "2100s")
    assert summary.nodes_created < 200, "no node a day for 110,000 days"


async def test_a_year_or_a_month_is_one_link_not_one_a_day(store: GraphStore, tmp_path: Path) -> None:
    await load(store, DIGEST, digest_with(tmp_path, "'2023'"))
    assert await time_links(store) == [("Year", "2023")]

    await load(store, DIGEST, digest_with(tmp_path, "'2023-04'"))
    assert await time_links(store) == [("Month", "2023-04")]


async def test_changing_an_events_span_on_reload_replaces_its_time_links(
    store: GraphStore, tmp_path: Path
) -> None:
    await load(store, DIGEST, digest_with(tmp_path, "{start: 2023-04-26, end: 2023-04-28}"))
    assert await time_links(store) == [("Day", "2023-04-26"), ("Day", "2023-04-27"), ("Day", "2023-04-28")]

    summary = await load(store, DIGEST, digest_with(tmp_path, "{start: 2021-01-15, end: 2023-12-31}"))
    links = await time_links(store)
    assert links == [
        ("Month", f"{year}-{month:02d}") for year in (2021, 2022, 2023) for month in range(1, 13)
    ]
    # 3 day links and the old report's OF out; 36 month links, the new report's OF, FROM, IN_LOAD and the
    # load's list of the ids it updated (:LISTS) in.
    assert (summary.relationships_deleted, summary.relationships_created) == (3 + 1, 36 + 3 + 1)

    await load(store, DIGEST, digest_with(tmp_path, "{start: 1900-01-01, end: 1999-12-31}"))
    assert await time_links(store) == [("Decade", f"{decade}s") for decade in range(1900, 2000, 10)]

    await load(store, DIGEST, digest_with(tmp_path, "2023-04-28"))
    assert await time_links(store) == [("Day", "2023-04-28")]


async def test_an_event_loaded_with_a_link_a_day_before_gets_bounded_links_on_the_next_load(
    store: GraphStore, tmp_path: Path
) -> None:
    """A graph an earlier loader wrote (a :Day for each of 2023's 365 days) converges on the next load."""
    digest = digest_with(tmp_path, "'2023'")
    await load(store, DIGEST, digest)
    await rows(
        store,
        """MATCH (e:Event {id: $id}) SET e._hash = 'written by an earlier loader'
           WITH e UNWIND range(0, 364) AS offset
           MERGE (d:Day {date: date('2023-01-01') + duration({days: offset})})
           MERGE (e)-[:ON]->(d)""",
        id=MEETING,
    )
    assert len(await time_links(store)) == 366

    await load(store, DIGEST, digest)

    assert await time_links(store) == [("Year", "2023")]
