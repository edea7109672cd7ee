"""Answers as the graph stood at a past moment: the reports live then (loaded by then, not retracted by
then), reconciled by graph.reports.reconcile, the same rule the loader applies.

Exact: which events exist and their own fields (kind, title, dates, summary, content, source count,
disputes), and the `events` filters on kind, dates, actor, place and source (they read the participants,
places and trip as reported then). Taken from today's graph: the place hierarchy and actors (not facts,
never reported), the nested links GraphQL resolves under an event, and, in `regionEngagements`, the links
the flagship walks (graph.read.engagements).
"""

from __future__ import annotations

from datetime import date, datetime

from graph.read.filters import ResolvedEventFilter
from graph.read.pages import Page, PageRequest, encode_cursor
from graph.read.reports import FactAsOf, facts_as_of, overlaps
from graph.store import GraphStore

TRIP_DEPTH = 3
"""How far up the part_of chain an actor's participation counts, as in queries/read/events_page.cypher."""


def _participants(facts: dict[str, FactAsOf], event_id: str) -> set[str]:
    """The actors of an event and of the events it is part of (TRIP_DEPTH up), as stated then."""
    actors: set[str] = set()
    current: str | None = event_id
    for _ in range(TRIP_DEPTH + 1):
        fact = facts.get(current) if current else None
        if fact is None:
            break
        actors.update(str(link["target"]) for link in fact.links("participants"))
        current = next(iter(fact.links("part_of")), None)
    return actors


async def events_page_as_of(
    store: GraphStore, filters: ResolvedEventFilter, page: PageRequest, as_of: datetime
) -> Page:
    """A page of the events as they stood at `as_of`, in (start date, id) order: `events(asOf:)`."""
    facts = await facts_as_of(store, "event", as_of)
    within = await _places_within(store, facts, filters)
    chosen = []
    for fact_id, fact in facts.items():
        props = fact.props
        if filters.kinds and props.get("kind") not in filters.kinds:
            continue
        if not overlaps(props, filters.start, filters.end):
            continue
        if filters.side is not None and not _participants(facts, fact_id) & set(filters.side):
            continue
        places = {parent for place in fact.links("places") for parent in within.get(place, [place])}
        if filters.place and filters.place not in places:
            continue
        if filters.country and filters.country not in places:
            continue
        if filters.source and filters.source not in fact.sources:
            continue
        chosen.append(props)
    chosen.sort(key=lambda props: (props.get("start_date") or date.max, props["id"]))
    keys = [f"{(props.get('start_date') or date.max).isoformat()}|{props['id']}" for props in chosen]
    start = 0
    if page.after is not None:
        start = next((i for i, key in enumerate(keys) if key > page.after), len(keys))
    items = [(encode_cursor(keys[i]), chosen[i]) for i in range(start, min(start + page.first, len(keys)))]
    return Page(items, len(chosen), start + page.first < len(keys), page.after is not None)


async def _places_within(
    store: GraphStore, facts: dict[str, FactAsOf], filters: ResolvedEventFilter
) -> dict[str, list[str]]:
    if not (filters.place or filters.country):
        return {}
    ids = sorted({place for fact in facts.values() for place in fact.links("places")})
    rows = await store.read("read/places_within", ids=ids)
    return {row["id"]: row["within"] for row in rows}
