"""What events, actors and agreements link to, fetched for many at once (the API's DataLoaders call these)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.store import GraphStore

Links = dict[str, Any]
EVENT_LINKS = ("participants", "places", "trip", "legs", "links", "about", "agreements", "evidence")
"""What read/event_links can fetch, by the names of its columns."""
LOCATIONS = "locations"
"""Named with EVENT_LINKS to a page of events (read/events_page*): its participants and places come with their
locations. Without it they come without: the driver makes each location a Point, which costs, and a page
rarely shows one."""


async def _links(store: GraphStore, query: str, ids: list[str], **params: Any) -> list[Links | None]:
    rows = {row["id"]: row for row in await store.read(query, ids=ids, **params)}
    return [rows.get(each) for each in ids]


async def event_links(
    store: GraphStore, ids: list[str], wanted: Iterable[str] | None = None
) -> list[Links | None]:
    """Participants, places, trip, legs, links to and from other events, topics, agreements produced and
    evidence, in the order of `ids`;
    only the links named in `wanted` (EVENT_LINKS; None: all of them), the others None."""
    links = sorted(EVENT_LINKS if wanted is None else set(wanted) & set(EVENT_LINKS))
    return await _links(store, "read/event_links", ids, links=links)


async def actor_links(store: GraphStore, ids: list[str]) -> list[Links | None]:
    """Parent place, country, offices and agreements, in the order of `ids`."""
    return await _links(store, "read/actor_links", ids)


async def agreement_links(store: GraphStore, ids: list[str]) -> list[Links | None]:
    """Parties, the events that produced it, and evidence, in the order of `ids`."""
    return await _links(store, "read/agreement_links", ids)
