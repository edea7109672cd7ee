"""Filtered, paginated lists of events, actors, agreements and sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.read.filters import ResolvedEventFilter, actor_side, check_date_range, check_value_range
from graph.read.links import EVENT_LINKS, LOCATIONS
from graph.read.names import resolve_actor
from graph.read.pages import Page, PageRequest, keyed_page_of
from graph.store import GraphStore
from graph.values import dates_of

ACTOR_KINDS = ("person", "organization", "country", "region", "city")
PLACE_KINDS = ("country", "region", "city")


EVENT_ORDERS = ("date", "title", "value", "sources")
SOURCE_ORDERS = ("date", "title")
AGREEMENT_ORDERS = ("date", "title", "value", "sources")
ACTOR_ORDERS = ("name",)


@dataclass(frozen=True)
class EventPageGroup:
    """One page to fetch: `key` names it in the answer; `side` limits it to the events those actors took
    part in, or that are about `actor` (the actor the side stands for)."""

    key: str
    side: list[str] | None
    actor: str | None = None
    owner: str | None = None
    """An actor to read with the page, in the same round trip (`actor(id) { events }`): Page.owner."""

    def conditions(self) -> list[dict[str, list[str]]]:
        if self.side is None:
            return []
        return [{"side": self.side, "about": [self.actor] if self.actor else []}]


def check_order(page: PageRequest, orders: tuple[str, ...]) -> None:
    if page.order not in orders:
        raise ValidationFailed(
            f"this list is ordered by {', '.join(orders)}, not {page.order}",
            location=Location(field="orderBy"),
        )


def query_for(base: str, page: PageRequest) -> str:
    """The named query walking the list the way the page goes (pages.py: one file per direction)."""
    return f"{base}_desc" if page.walks_descending else base


async def event_pages(
    store: GraphStore,
    filters: ResolvedEventFilter,
    groups: list[EventPageGroup],
    page: PageRequest,
    links: Iterable[str] = (),
    props: Iterable[str] | None = None,
) -> dict[str, Page]:
    """One page per group, all in one round trip (the query `event_page_query` picks), with the `links` of
    each event (graph.read.links.EVENT_LINKS) in Page.links when some are named; `props`: as in
    `event_page_query`."""
    query, params = event_page_query(filters, groups, page, links, props)
    rows = await store.read(query, **params)
    names = params["props"]
    for row in rows:
        for item in row["page"]:
            if names is not None:  # the values of `names`, in order; an absent property is null
                values = zip(names, item["node"], strict=True)
                item["node"] = {name: value for name, value in values if value is not None}
            dates_of(item["node"])
    return {row["group"]: keyed_page_of(row, page) for row in rows}


def event_page_query(
    filters: ResolvedEventFilter,
    groups: list[EventPageGroup],
    page: PageRequest,
    links: Iterable[str] = (),
    props: Iterable[str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """The named query and parameters of a page of events. Filtered by an actor, a place or text, the query
    starts from those nodes (read/events_page_sorted); otherwise in date order it walks the start_date index
    (read/events_page), and in another order it sorts every match. Pages of actors' events in date order
    that nothing else narrows but kinds and dates (`actor(id) { events }`, `events(actor: ...)`) have a
    query of their own that does only that (read/events_page_actor), with the same rows. That query returns
    only the event properties in `props` when it is given (the fields the client selected: the peer reads
    no more), and with `id` always (the page's links are keyed by it); None: every property, as the
    others always do."""
    check_order(page, EVENT_ORDERS)
    params = filters.params()
    anchors = [_anchor(group, params) for group in groups]
    walk = page.order == "date" and not any(anchors)
    base = "read/events_page" if walk else "read/events_page_sorted"
    lean: list[str] | None = None
    if page.order == "date" and _actors_own(groups, params):
        base = "read/events_page_actor"
        lean = None if props is None else sorted({*props, "id"})
    query = query_for(base, page)
    return query, {
        "groups": [
            {"key": g.key, "owner": g.owner, "actors": g.conditions(), **(anchor or _EVERY_EVENT)}
            for g, anchor in zip(groups, anchors, strict=True)
        ],
        **params,
        **page.keyed_params(),
        **_event_position(page),
        "links": sorted(set(links) & {*EVENT_LINKS, LOCATIONS}),
        "unfiltered": walk and _unfiltered(params),
        "props": lean,
    }


def _actors_own(groups: list[EventPageGroup], params: dict[str, Any]) -> bool:
    """Whether every group is an actor's page and nothing narrows the events but kinds and dates."""
    return (
        all(group.side is not None for group in groups)
        and not params["actor_conditions"]
        and not params["place_conditions"]
        and not params["country_conditions"]
        and not params["source_conditions"]
        and params["value_min"] is None
        and params["value_max"] is None
        and params["lucene"] is None
    )


def _unfiltered(params: dict[str, Any]) -> bool:
    """Whether the date walk's filter keeps every event (its total is then Neo4j's count of events)."""
    return (
        params["kinds"] is None
        and params["from"] is None
        and params["to"] is None
        and not params["country_conditions"]
        and not params["source_conditions"]
        and params["value_min"] is None
        and params["value_max"] is None
    )


_EVERY_EVENT = {
    "start_side": [],
    "start_about": [],
    "start_places": [],
    "start_text": False,
    "start_all": True,
}


def _anchor(group: EventPageGroup, params: dict[str, Any]) -> dict[str, Any] | None:
    """The nodes a group's page can start from: the first actor condition it must meet (its own actor, or
    one of `actors`), else the first place condition, else the events the text finds; None when nothing
    narrows it."""
    actors = group.conditions() + params["actor_conditions"]
    if actors:
        return {
            **_EVERY_EVENT,
            "start_all": False,
            "start_side": actors[0]["side"],
            "start_about": actors[0]["about"],
        }
    if params["place_conditions"]:
        return {**_EVERY_EVENT, "start_all": False, "start_places": params["place_conditions"][0]}
    if params["lucene"] is not None:
        return {**_EVERY_EVENT, "start_all": False, "start_text": True}
    return None


def _event_position(page: PageRequest) -> dict[str, object]:
    """The (start date, id) a date-ordered cursor stands for, for the walk of the start_date index; the
    start (or the end) of time for the first page."""
    key = page.keyed_params()["after_key"]
    if key is not None and page.order == "date":
        return {"after_date": key[1], "after_id": key[2]}
    if page.walks_descending:
        return {"after_date": date.max, "after_id": ""}
    return {"after_date": date.min, "after_id": ""}


async def actors_page(
    store: GraphStore, kinds: list[str], country: str | None, page: PageRequest, allowed: tuple[str, ...]
) -> Page:
    wrong = [kind for kind in kinds if kind not in allowed]
    if wrong:
        raise ValidationFailed(f"kinds must be among {', '.join(allowed)}", location=Location(field="kinds"))
    check_order(page, ACTOR_ORDERS)
    country_id = (await resolve_actor(store, country, "country", ("country",))).id if country else None
    rows = await store.read(
        query_for("read/actors_page", page),
        kinds=kinds or list(allowed),
        country=country_id,
        **page.keyed_params(),
    )
    return keyed_page_of(rows[0], page)


async def agreements_page(
    store: GraphStore,
    kinds: list[str],
    party: str | None,
    min_value_usd: float | None,
    start: date | None,
    end: date | None,
    page: PageRequest,
    value_min: Decimal | None = None,
    value_max: Decimal | None = None,
    currency: str | None = None,
) -> Page:
    """`value_min`/`value_max`: bounds of the value in `currency`, or of its USD equivalent when None."""
    check_date_range(start, end)
    check_order(page, AGREEMENT_ORDERS)
    check_value_range(value_min, value_max, currency)
    if min_value_usd is not None and min_value_usd < 0:
        raise ValidationFailed("minValueUsd must not be negative", location=Location(field="minValueUsd"))
    rows = await store.read(
        query_for("read/agreements_page", page),
        kinds=kinds or None,
        party=await actor_side(store, party, "party"),
        min_value_usd=min_value_usd,
        value_min=float(value_min) if value_min is not None else None,
        value_max=float(value_max) if value_max is not None else None,
        currency=currency,
        **{"from": start, "to": end},
        **page.keyed_params(),
    )
    return keyed_page_of(rows[0], page)


async def sources_page(store: GraphStore, page: PageRequest) -> Page:
    check_order(page, SOURCE_ORDERS)
    rows = await store.read(query_for("read/sources_page", page), **page.keyed_params())
    return keyed_page_of(rows[0], page)
