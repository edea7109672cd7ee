"""Root fields for looking things up: single nodes, filtered lists, search, timelines, name resolution."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from api.schema.common import Connection, Source, connection, wants_total
from api.schema.enums import ActorKind, EventKind
from api.schema.nodes import Actor, Agreement, Ctx, Event
from graph.errors import Location, NotFound, ValidationFailed
from graph.read.as_of import events_page_as_of
from graph.read.changes import check_moment
from graph.read.filters import EventFilter, resolve_event_filter
from graph.read.lists import (
    ACTOR_KINDS,
    PLACE_KINDS,
    EventPageGroup,
    actors_page,
    agreements_page,
    event_pages,
    sources_page,
)
from graph.read.lookup import node_by_id
from graph.read.names import resolve_actor
from graph.read.pages import page_request
from graph.read.reports import facts_as_of

From = Annotated[
    date | None, strawberry.argument(name="from", description="Only what ends on or after this day.")
]
To = Annotated[date | None, strawberry.argument(description="Only what starts on or before this day.")]
AsOf = Annotated[
    datetime | None,
    strawberry.argument(
        description="Answer as the graph stood then: the reports loaded by then and not yet retracted, "
        "reconciled. Needs a time zone (2023-05-01T00:00:00Z)."
    ),
]
TIMELINE_MAX = 1000


async def _events(
    info: Ctx,
    filters: EventFilter,
    first: int | None,
    after: str | None,
    maximum: int | None = None,
    as_of: datetime | None = None,
) -> Connection[Event]:
    resolved = await resolve_event_filter(info.context.store, filters)
    page = page_request(first, after, maximum or info.context.settings.page_max, wants_total(info))
    if as_of is not None:
        found = await events_page_as_of(info.context.store, resolved, page, as_of)
        then: Connection[Event] = connection(found, lambda props: Event.of(props, as_of))
        return then
    pages = await event_pages(info.context.store, resolved, [EventPageGroup("all", resolved.side)], page)
    result: Connection[Event] = connection(pages["all"], Event.of)
    return result


async def _actors(
    info: Ctx,
    kinds: list[ActorKind] | None,
    country: str | None,
    first: int | None,
    after: str | None,
    allowed: tuple[str, ...],
) -> Connection[Actor]:
    page = page_request(first, after, info.context.settings.page_max, wants_total(info))
    found = await actors_page(info.context.store, [k.value for k in kinds or []], country, page, allowed)
    result: Connection[Actor] = connection(found, Actor.of)
    return result


@strawberry.type
class LookupQuery:
    @strawberry.field(description="One actor, by id or by any name or alias.")
    async def actor(self, info: Ctx, id: strawberry.ID | None = None, name: str | None = None) -> Actor:
        if (id is None) == (name is None):
            raise ValidationFailed("give exactly one of id or name", location=Location(field="id"))
        actor_id = (
            str(id) if id is not None else (await resolve_actor(info.context.store, str(name), "name")).id
        )
        return Actor.of(await node_by_id(info.context.store, "actor", actor_id))

    @strawberry.field(description="One event by id.")
    async def event(self, info: Ctx, id: strawberry.ID, as_of: AsOf = None) -> Event:
        moment = check_moment(as_of, "asOf")
        if moment is not None:
            found = (await facts_as_of(info.context.store, "event", moment, [str(id)])).get(str(id))
            if found is None:
                message = f"no event with id '{id}' as of {moment.isoformat()}"
                raise NotFound(message, location=Location(field="id"))
            return Event.of(found.props, moment)
        return Event.of(await node_by_id(info.context.store, "event", str(id)))

    @strawberry.field(description="People, organisations and places, in name order.")
    async def actors(
        self,
        info: Ctx,
        kinds: list[ActorKind] | None = None,
        country: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Actor]:
        return await _actors(info, kinds, country, first, after, ACTOR_KINDS)

    @strawberry.field(description="Countries, regions and cities, in name order.")
    async def places(
        self,
        info: Ctx,
        kinds: list[ActorKind] | None = None,
        country: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Actor]:
        return await _actors(info, kinds, country, first, after, PLACE_KINDS)

    @strawberry.field(description="Events in date order. `actor`, `place` and `country` take ids or names.")
    async def events(
        self,
        info: Ctx,
        kinds: list[EventKind] | None = None,
        from_: From = None,
        to: To = None,
        actor: str | None = None,
        place: str | None = None,
        country: str | None = None,
        source: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
        as_of: AsOf = None,
    ) -> Connection[Event]:
        filters = EventFilter(
            tuple(k.value for k in kinds or []),
            from_,
            to,
            actor,
            place,
            country,
            str(source) if source else None,
        )
        return await _events(info, filters, first, after, as_of=check_moment(as_of, "asOf"))

    @strawberry.field(description="Agreements in date order; `party` takes an id or a name.")
    async def agreements(
        self,
        info: Ctx,
        kinds: list[str] | None = None,
        party: str | None = None,
        min_value_usd: float | None = None,
        from_: From = None,
        to: To = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Agreement]:
        page = page_request(first, after, info.context.settings.page_max, wants_total(info))
        found = await agreements_page(info.context.store, kinds or [], party, min_value_usd, from_, to, page)
        result: Connection[Agreement] = connection(found, Agreement.of)
        return result

    @strawberry.field(description="The digests facts come from, in period order.")
    async def sources(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[Source]:
        page = page_request(first, after, info.context.settings.page_max, wants_total(info))
        result: Connection[Source] = connection(await sources_page(info.context.store, page), Source.of)
        return result

    @strawberry.field(description="An actor's events in date order (at most 1000).")
    async def timeline(self, info: Ctx, actor: str, from_: From = None, to: To = None) -> list[Event]:
        found = await _events(info, EventFilter((), from_, to, actor), TIMELINE_MAX, None, TIMELINE_MAX)
        return [edge.node for edge in found.edges]
