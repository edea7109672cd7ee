"""Answers as the graph stood at a past moment: the reports live then (loaded by then, not retracted by
then), reconciled by graph.reports.reconcile, the same rule the loader applies.

Exact: which events exist and their own fields (kind, title, dates, summary, content, source count,
disputes, value), and the `events` filters but text, orders and cursors (they read the participants,
places, subjects, sources and trip as reported then). Taken from today's graph: the place hierarchy and
actors (not facts, never reported), the nested links GraphQL resolves under an event, and, in
`regionEngagements`, the links the flagship walks (graph.read.engagements).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph.read.filters import ResolvedEventFilter
from graph.read.lists import EVENT_ORDERS, EventPageGroup, check_order
from graph.read.pages import Page, PageRequest, keyed_page_of
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
    """A page of the events as they stood at `as_of`: `events(asOf:)`, with the filters, orders and
    cursors of the live list (queries/read/events_page_sorted.cypher says what each filter means)."""
    check_order(page, EVENT_ORDERS)
    facts = await facts_as_of(store, "event", as_of)
    params = filters.params()
    conditions = EventPageGroup("all", filters.side, filters.actor).conditions() + params["actor_conditions"]
    within = await _places_within(store, facts, params)
    keyed = [
        (sort_key(fact.props, page.order, page.descending), fact.props)
        for fact_id, fact in facts.items()
        if _matches(fact_id, fact, facts, params, conditions, within)
    ]
    keyed.sort(key=lambda item: _comparable(item[0]), reverse=page.walks_descending)
    total = len(keyed)
    after = page.keyed_params()["after_key"]
    if after is not None:
        cursor = _comparable(after)
        keyed = [
            item
            for item in keyed
            if (_comparable(item[0]) < cursor if page.walks_descending else _comparable(item[0]) > cursor)
        ]
    rows = [{"key": key, "node": props} for key, props in keyed[: page.first + 1]]
    return keyed_page_of({"total": total, "page": rows}, page)


def sort_key(props: dict[str, Any], order: str, descending: bool) -> list[Any]:
    """[flag, value, id] as the page queries build it: the flag puts events without a value last in the
    direction asked."""
    value: Any = {
        "date": props.get("start_date"),
        "title": str(props.get("title") or "").lower(),
        "value": props.get("value_usd") or 0.0,
        "sources": props.get("source_count") or 0,
    }[order]
    return [order == "value" and (props.get("value_usd") is None) != descending, value, props["id"]]


def _comparable(key: list[Any]) -> tuple[Any, ...]:
    """A sort key Python can compare as Neo4j does: an unknown value after every known one."""
    flag, value, item_id = key
    return (flag, value is None, value, item_id)


def _matches(
    fact_id: str,
    fact: FactAsOf,
    facts: dict[str, FactAsOf],
    params: dict[str, Any],
    actor_conditions: list[dict[str, list[str]]],
    within: dict[str, list[str]],
) -> bool:
    props = fact.props
    if params["kinds"] and props.get("kind") not in params["kinds"]:
        return False
    if not overlaps(props, params["from"], params["to"]):
        return False
    if actor_conditions:
        took_part, about = _participants(facts, fact_id), set(fact.links("about"))
        if not all(took_part & set(w["side"]) or about & set(w["about"]) for w in actor_conditions):
            return False
    in_places = {parent for place in fact.links("places") for parent in within.get(place, [place])}
    about_places = {parent for place in fact.links("about") for parent in within.get(place, [])}
    return (
        all((in_places | about_places) & set(ids) for ids in params["place_conditions"])
        and all(in_places & set(ids) for ids in params["country_conditions"])
        and all(set(fact.sources) & set(ids) for ids in params["source_conditions"])
        and _within_value(props, params)
    )


def _within_value(props: dict[str, Any], params: dict[str, Any]) -> bool:
    """The value bounds: in USD, or in `currency` when one is given (events in another currency fail)."""
    if params["value_min"] is None and params["value_max"] is None:
        return True
    if params["currency"] is None:
        value = props.get("value_usd")
    elif props.get("value_currency") == params["currency"] and props.get("value_amount") is not None:
        value = float(props["value_amount"])
    else:
        return False
    return value is not None and (
        (params["value_min"] is None or value >= params["value_min"])
        and (params["value_max"] is None or value <= params["value_max"])
    )


async def _places_within(
    store: GraphStore, facts: dict[str, FactAsOf], params: dict[str, Any]
) -> dict[str, list[str]]:
    """Each place (or actor the events are about) an event links to, with the places it lies in."""
    if not (params["place_conditions"] or params["country_conditions"]):
        return {}
    ids = sorted(
        {place for fact in facts.values() for place in (*fact.links("places"), *fact.links("about"))}
    )
    rows = await store.read("read/places_within", ids=ids)
    return {row["id"]: row["within"] for row in rows}
