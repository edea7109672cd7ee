"""Filtered, paginated lists of events, actors, agreements and sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph.errors import Location, ValidationFailed
from graph.read.filters import ResolvedEventFilter, actor_side, check_date_range
from graph.read.names import resolve_actor
from graph.read.pages import Page, PageRequest, page_of
from graph.store import GraphStore

ACTOR_KINDS = ("person", "organization", "country", "region", "city")
PLACE_KINDS = ("country", "region", "city")


@dataclass(frozen=True)
class EventPageGroup:
    """One page to fetch: `key` names it in the answer; `side` limits it to those actors' events."""

    key: str
    side: list[str] | None


async def event_pages(
    store: GraphStore, filters: ResolvedEventFilter, groups: list[EventPageGroup], page: PageRequest
) -> dict[str, Page]:
    """One page per group, all in one round trip."""
    rows = await store.read(
        "read/events_page",
        groups=[{"key": g.key, "side": g.side} for g in groups],
        **filters.params(),
        **page.params(),
        **_event_position(page.after),
    )
    return {row["group"]: page_of(row, page) for row in rows}


def _event_position(after: str | None) -> dict[str, object]:
    """The (start date, id) an events cursor stands for; the start of time for the first page."""
    if after is None:
        return {"after_date": date.min, "after_id": ""}
    try:
        return {"after_date": date.fromisoformat(after[:10]), "after_id": after[11:]}
    except ValueError:
        raise ValidationFailed("not a cursor of this list", location=Location(field="after")) from None


async def actors_page(
    store: GraphStore, kinds: list[str], country: str | None, page: PageRequest, allowed: tuple[str, ...]
) -> Page:
    wrong = [kind for kind in kinds if kind not in allowed]
    if wrong:
        raise ValidationFailed(f"kinds must be among {', '.join(allowed)}", location=Location(field="kinds"))
    country_id = (await resolve_actor(store, country, "country", ("country",))).id if country else None
    rows = await store.read(
        "read/actors_page", kinds=kinds or list(allowed), country=country_id, **page.params()
    )
    return page_of(rows[0], page)


async def agreements_page(
    store: GraphStore,
    kinds: list[str],
    party: str | None,
    min_value_usd: float | None,
    start: date | None,
    end: date | None,
    page: PageRequest,
) -> Page:
    check_date_range(start, end)
    if min_value_usd is not None and min_value_usd < 0:
        raise ValidationFailed("minValueUsd must not be negative", location=Location(field="minValueUsd"))
    rows = await store.read(
        "read/agreements_page",
        kinds=kinds or None,
        party=await actor_side(store, party, "party"),
        min_value_usd=min_value_usd,
        **{"from": start, "to": end},
        **page.params(),
    )
    return page_of(rows[0], page)


async def sources_page(store: GraphStore, page: PageRequest) -> Page:
    rows = await store.read("read/sources_page", **page.params())
    return page_of(rows[0], page)
