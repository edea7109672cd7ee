"""How the pages of events are read: filtered by an actor or a place, from that node; otherwise, in date
order, from the start-date index (PROFILE on the seed). And the events filter is one text in every page
query."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from graph.queries import QUERIES_DIR, as_one_map, planned_once
from graph.read.filters import EventFilter, ResolvedEventFilter, resolve_event_filter
from graph.read.lists import EventPageGroup, event_page_query
from graph.read.pages import page_request
from graph.store import GraphStore

EVENT_READS = ("NodeByLabelScan", "NodeIndexSeekByRange", "NodeIndexScan")


def operators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("children", []):
        found += operators(child)
    return found


async def profile(
    store: GraphStore,
    given: EventFilter,
    descending: bool = False,
    with_total: bool = True,
    group: EventPageGroup | None = None,
) -> list[dict[str, Any]]:
    """The operators of the page query's plan; `group`: the page of one actor's events (Actor.events)."""
    filters = await resolve_event_filter(store, given)
    page = page_request(20, None, 100, with_total, descending=descending)
    groups = [group or EventPageGroup("all", filters.side, filters.actor)]
    query, params = event_page_query(filters, groups, page)
    async with store.driver.session(database=store.database) as session:
        summary = await (await session.run("PROFILE " + planned_once(query), as_one_map(params))).consume()
    assert summary.profile is not None
    return operators(summary.profile)


def reads_of_events(plan: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The operators that read events by label or by the start-date index, and the rows they gave."""
    return [
        op
        for op in plan
        if op["operatorType"].split("@")[0] in EVENT_READS and ":Event" in op["args"]["Details"]
    ]


def actor_seeks(plan: list[dict[str, Any]], start: str) -> list[dict[str, Any]]:
    """The unique-index seeks of actors (or places) by a group's `start` list of ids, whatever name the
    planner gives the node (a variable of a UNION branch may be renamed)."""
    seek = re.compile(rf":Actor\(id\) WHERE id IN g\.{start}\b")
    return [
        op
        for op in plan
        if op["operatorType"].startswith("NodeUniqueIndexSeek") and seek.search(op["args"].get("Details", ""))
    ]


async def test_an_actors_page_starts_from_the_actor(seeded_store: GraphStore) -> None:
    for descending in (False, True):
        plan = await profile(seeded_store, EventFilter(actor="Lukashenka"), descending)
        seeks = actor_seeks(plan, "start_side") + actor_seeks(plan, "start_about")
        assert seeks and sum(op["rows"] for op in seeks) >= 1, plan
        assert all(op["rows"] == 0 for op in reads_of_events(plan)), "no event is read by label or date"


async def test_an_actors_own_events_start_from_the_actor(seeded_store: GraphStore) -> None:
    """`actor(...) { events(last: 20) }`: the actor is the page's group, not a filter."""
    lukashenka = "person:alexander-lukashenka"
    group = EventPageGroup(lukashenka, [lukashenka], lukashenka)
    for descending in (False, True):
        plan = await profile(seeded_store, EventFilter(), descending, with_total=False, group=group)
        seeks = actor_seeks(plan, "start_side")
        assert seeks and sum(op["rows"] for op in seeks) >= 1, plan
        assert all(op["rows"] == 0 for op in reads_of_events(plan)), "no event is read by label or date"


async def test_a_places_page_starts_from_the_place(seeded_store: GraphStore) -> None:
    plan = await profile(seeded_store, EventFilter(place="Pskov region"))
    seeks = actor_seeks(plan, "start_places")
    seen = [(op["operatorType"], op["args"].get("Details")) for op in plan if "Index" in op["operatorType"]]
    assert seeks and sum(op["rows"] for op in seeks) == 1, seen
    assert all(op["rows"] == 0 for op in reads_of_events(plan))


async def test_an_unfiltered_page_walks_the_start_date_index(seeded_store: GraphStore) -> None:
    for descending in (False, True):
        plan = await profile(seeded_store, EventFilter(), descending)
        walks = [op for op in plan if op["operatorType"].startswith("NodeIndexSeekByRange")]
        seen = [
            (op["operatorType"], op["args"].get("Details")) for op in plan if "Index" in op["operatorType"]
        ]
        assert any("e:Event(start_date)" in op["args"]["Details"] for op in walks), (descending, seen)


async def test_a_page_without_its_total_reads_only_the_page(seeded_store: GraphStore) -> None:
    """totalCount not asked: no event is read but those the start-date walk reaches."""
    for descending in (False, True):
        plan = await profile(seeded_store, EventFilter(), descending, with_total=False)
        scans = [op for op in plan if op["operatorType"].startswith("NodeByLabelScan")]
        assert all(op["rows"] == 0 for op in scans), descending
        counted = await profile(seeded_store, EventFilter(kinds=("visit",)), descending, with_total=True)
        assert any(op["rows"] > 0 for op in counted if op["operatorType"].startswith("NodeByLabelScan"))


async def test_the_total_of_every_event_is_read_from_the_count_store(seeded_store: GraphStore) -> None:
    """totalCount of an unfiltered list (the first page of everything): Neo4j's count of events, no scan; at
    a million events the scan took 255 ms of a 79 ms page."""
    for descending in (False, True):
        counted = await profile(seeded_store, EventFilter(), descending, with_total=True)
        scans = [op for op in counted if op["operatorType"].startswith("NodeByLabelScan")]
        assert all(op["rows"] == 0 for op in scans), descending
        assert any(op["operatorType"].startswith("NodeCountFromCountStore") for op in counted), descending


def test_the_events_filter_is_one_text_in_every_page_query() -> None:
    """events_page_sorted(_desc) hold the whole filter; the date walks (events_page(_desc)), which never
    get actor, place or text conditions, the rest of it, line for line."""
    texts = {}
    for path in sorted((QUERIES_DIR / "read").glob("events_page*.cypher")):
        found = re.search(r"// <filter>.*?// </filter>", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert found, path.name
        texts[path.stem] = [line.strip() for line in found.group(0).splitlines()][1:-1]
    assert texts["events_page_sorted"] == texts["events_page_sorted_desc"]
    assert texts["events_page"] == texts["events_page_desc"]
    assert set(texts["events_page"]) < set(texts["events_page_sorted"])
    assert texts["events_page_actor"] == texts["events_page_actor_desc"]
    assert set(texts["events_page_actor"]) < set(texts["events_page_sorted"])


def test_the_links_of_events_are_one_text_in_every_page_query() -> None:
    """Each page query reads the links the client selected on its events as the others do."""
    texts = set()
    for path in sorted((QUERIES_DIR / "read").glob("events_page*.cypher")):
        found = re.search(r"// <links>.*?// </links>", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert found, path.name
        texts.add(tuple(line.strip() for line in found.group(0).splitlines()))
    assert len(texts) == 1


async def test_a_page_is_planned_once_whatever_its_filters(seeded_store: GraphStore) -> None:
    """Neo4j plans a query anew for each set of parameter types (null or a date, a list of one kind or of
    two): the store passes them in one map, so a page of events by title is planned once for all of these."""
    variants = [
        ResolvedEventFilter(None, None, None, None, None, None, None),
        ResolvedEventFilter(["visit"], date(2023, 1, 1), None, None, None, None, None),
        ResolvedEventFilter(
            ["visit", "meeting"], None, date(2023, 12, 31), None, "region:RU-PSK", None, None
        ),
        ResolvedEventFilter(None, None, None, None, None, "country:RU", None, value_min=1.0, lucene="minsk"),
    ]
    async with seeded_store.driver.session(database=seeded_store.database) as session:
        await (await session.run("CALL db.clearQueryCaches()")).consume()
    for filters in variants:
        page = page_request(20, None, 100, True, order="title")
        query, params = event_page_query(filters, [EventPageGroup("all", None, None)], page, ["places"])
        assert query == "read/events_page_sorted"
        await seeded_store.read(query, **params)
    async with seeded_store.driver.session(database=seeded_store.database) as session:
        cleared = await (await session.run("CALL db.clearQueryCaches()")).single(strict=True)
    assert cleared["value"] == "Query caches successfully cleared of 1 queries."


async def test_an_actors_own_page_reads_what_the_general_query_reads(seeded_store: GraphStore) -> None:
    """Pages of actors' events narrowed by nothing else but kinds and dates have their own query
    (read/events_page_actor): the same rows as the general one, for a person, a state (its whole side: the
    country, its government and their people), a place, in both directions, a page after a cursor, and
    several actors at once (Actor.events of a list)."""
    minsk = await resolve_event_filter(seeded_store, EventFilter(actor="Minsk"))
    groups = [
        EventPageGroup(
            "person:alexander-lukashenka", ["person:alexander-lukashenka"], "person:alexander-lukashenka"
        ),
        EventPageGroup("minsk", minsk.side, minsk.actor, owner=minsk.actor),
        EventPageGroup("region:RU-PSK", ["region:RU-PSK"], "region:RU-PSK"),
    ]
    compared = 0
    for given in (
        EventFilter(),
        EventFilter(kinds=("visit", "meeting")),
        EventFilter(start=date(2023, 6, 1)),
    ):
        filters = await resolve_event_filter(seeded_store, given)
        for descending in (False, True):
            page = page_request(3, None, 100, True, descending=descending)
            query, params = event_page_query(filters, groups, page, ["participants", "places"])
            assert query.startswith("read/events_page_actor"), query
            general = query.replace("events_page_actor", "events_page_sorted")
            own, other = await seeded_store.read(query, **params), await seeded_store.read(general, **params)
            assert sorted(own, key=str) == sorted(other, key=str)
            compared += sum(len(row["page"]) for row in own)
            cursor = own[0]["page"][-1]["key"] if own and own[0]["page"] else None
            if cursor is not None:
                after = {**params, "after_key": cursor}
                own, other = (
                    await seeded_store.read(query, **after),
                    await seeded_store.read(general, **after),
                )
                assert sorted(own, key=str) == sorted(other, key=str)
    assert compared > 20, "the comparison compared pages that hold events"
