"""The filters that lists and exports of events share: what analysts type, resolved to ids once.

Written by the lead for the GraphQL `events` field; exports reuse `EventFilter` and `resolve_event_filter`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.model.events import EVENT_KINDS
from graph.read.engagements import political_side
from graph.read.names import directory, resolve_actor
from graph.store import GraphStore


@dataclass(frozen=True)
class EventFilter:
    """As given: names or ids, not yet resolved."""

    kinds: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    actor: str | None = None
    place: str | None = None
    country: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class ResolvedEventFilter:
    kinds: list[str] | None
    start: date | None
    end: date | None
    side: list[str] | None
    place: str | None
    country: str | None
    source: str | None

    def params(self) -> dict[str, Any]:
        """The parameters of queries/read/events_page.cypher and the exports (all but the groups)."""
        return {
            "kinds": self.kinds,
            "from": self.start,
            "to": self.end,
            "place": self.place,
            "country": self.country,
            "source": self.source,
        }


def check_date_range(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValidationFailed(f"'to' ({end}) is before 'from' ({start})", location=Location(field="to"))


async def actor_side(store: GraphStore, actor: str | None, argument: str = "actor") -> list[str] | None:
    """The ids that stand for the actor named (see political_side), or None when no actor was given."""
    if actor is None:
        return None
    return political_side(await resolve_actor(store, actor, argument), await directory(store))


async def resolve_event_filter(store: GraphStore, given: EventFilter) -> ResolvedEventFilter:
    check_date_range(given.start, given.end)
    unknown = [kind for kind in given.kinds if kind not in EVENT_KINDS]
    if unknown:
        raise ValidationFailed(
            f"unknown event kind(s) {', '.join(unknown)}; known: {', '.join(EVENT_KINDS)}",
            location=Location(field="kinds"),
        )
    place = await resolve_actor(store, given.place, "place") if given.place else None
    country = (
        await resolve_actor(store, given.country, "country", kinds=("country",)) if given.country else None
    )
    return ResolvedEventFilter(
        kinds=list(given.kinds) or None,
        start=given.start,
        end=given.end,
        side=await actor_side(store, given.actor),
        place=place.id if place else None,
        country=country.id if country else None,
        source=given.source,
    )
