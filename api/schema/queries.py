"""Root fields for looking things up: single nodes, filtered lists, search, timelines, name resolution."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from api.schema.common import Connection, Source, connection
from api.schema.enums import ActorKind, EventKind
from api.schema.filters import (
    Actors,
    Countries,
    FactOrder,
    From,
    NameOrder,
    Places,
    SourceOrder,
    Sources,
    Text,
    To,
    Value,
    ValueRange,
    event_filter,
    page_asked,
)
from api.schema.nodes import Actor, Agreement, Ctx, Event, actor_props, event_connection, events_of
from api.schema.selection import event_links_selected, event_props_selected
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
from graph.read.reports import facts_as_of

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
    *,
    last: int | None = None,
    before: str | None = None,
    order_by: FactOrder | None = None,
    links_at: tuple[str, ...] = ("edges", "node"),
) -> Connection[Event]:
    """`links_at`: where the events sit below the field resolved, for the links selected on them."""
    links = event_links_selected(info, *links_at)
    resolved = await resolve_event_filter(info.context.store, filters, info.context.settings.max_search_terms)
    info.context.warn_guesses(resolved.guesses)
    page = page_asked(info, first, after, last, before, order_by, "date", maximum)
    if as_of is not None:
        _check_as_of(filters)
        found = await events_page_as_of(info.context.store, resolved, page, as_of)
        return await event_connection(info, found, links, as_of)
    group = EventPageGroup("all", resolved.side, resolved.actor)
    props = event_props_selected(info, *links_at)
    pages = await event_pages(info.context.store, resolved, [group], page, links, props)
    return await event_connection(info, pages["all"], links)


def _check_as_of(given: EventFilter) -> None:
    """`asOf` answers every filter of `events` but `text` (the full-text indexes hold today's words only),
    in every order and both directions; `text` is refused rather than ignored."""
    if given.text:
        raise ValidationFailed(
            "asOf takes every filter of events but text (the text index holds what the graph says today)",
            location=Location(field="asOf"),
        )


async def _actors(
    info: Ctx,
    kinds: list[ActorKind] | None,
    country: str | None,
    first: int | None,
    after: str | None,
    allowed: tuple[str, ...],
    last: int | None = None,
    before: str | None = None,
    order_by: NameOrder | None = None,
) -> Connection[Actor]:
    page = page_asked(info, first, after, last, before, order_by, "name")
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
        return Actor.of(await actor_props(info, actor_id))

    @strawberry.field(description="One event by id.")
    async def event(self, info: Ctx, id: strawberry.ID, as_of: AsOf = None) -> Event:
        moment = check_moment(as_of, "asOf")
        if moment is not None:
            found = (await facts_as_of(info.context.store, "event", moment, [str(id)])).get(str(id))
            if found is None:
                message = f"no event with id '{id}' as of {moment.isoformat()}"
                raise NotFound(message, location=Location(field="id"))
            [event] = await events_of(info, [found.props], event_links_selected(info), moment)
            return event
        props = await node_by_id(info.context.store, "event", str(id))
        [event] = await events_of(info, [props], event_links_selected(info))
        return event

    @strawberry.field(description="People, organisations and places, in name order.")
    async def actors(
        self,
        info: Ctx,
        kinds: list[ActorKind] | None = None,
        country: str | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        order_by: NameOrder | None = None,
    ) -> Connection[Actor]:
        return await _actors(info, kinds, country, first, after, ACTOR_KINDS, last, before, order_by)

    @strawberry.field(description="Countries, regions and cities, in name order.")
    async def places(
        self,
        info: Ctx,
        kinds: list[ActorKind] | None = None,
        country: str | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        order_by: NameOrder | None = None,
    ) -> Connection[Actor]:
        return await _actors(info, kinds, country, first, after, PLACE_KINDS, last, before, order_by)

    @strawberry.field(
        description="Events, in date order unless `orderBy` says otherwise. `actor`, `place` and `country` "
        'take ids or names (a place among places only: `place: "Moscow"` is the city); the list filters '
        "(`actors`, `places`, `countries`, `sources`) take `all` and `any`. Pages go forwards "
        "(`first`/`after`) or backwards (`last`/`before`)."
    )
    async def events(
        self,
        info: Ctx,
        kinds: list[EventKind] | None = None,
        from_: From = None,
        to: To = None,
        actor: Annotated[
            str | None,
            strawberry.argument(description="Events its side took part in, and events about it."),
        ] = None,
        place: Annotated[
            str | None,
            strawberry.argument(description="Events in or about this place, or a place within it."),
        ] = None,
        country: str | None = None,
        source: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
        as_of: AsOf = None,
        actors: Actors = None,
        places: Places = None,
        countries: Countries = None,
        sources: Sources = None,
        value: Value = None,
        text: Text = None,
        order_by: FactOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Event]:
        filters = event_filter(
            kinds,
            from_,
            to,
            actor,
            place,
            country,
            str(source) if source else None,
            actors,
            places,
            countries,
            sources,
            value,
            text,
        )
        moment = check_moment(as_of, "asOf")
        return await _events(
            info, filters, first, after, as_of=moment, last=last, before=before, order_by=order_by
        )

    @strawberry.field(
        description="Agreements, in date order unless `orderBy` says otherwise (undated last); `party` "
        "takes an id or a name; `value` bounds the value in a currency or in USD."
    )
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
        value: ValueRange | None = None,
        order_by: FactOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Agreement]:
        page = page_asked(info, first, after, last, before, order_by, "date")
        found = await agreements_page(
            info.context.store,
            kinds or [],
            party,
            min_value_usd,
            from_,
            to,
            page,
            value.min if value else None,
            value.max if value else None,
            value.currency if value else None,
        )
        result: Connection[Agreement] = connection(found, Agreement.of)
        return result

    @strawberry.field(
        description="The digests facts come from, in period order unless `orderBy` says otherwise; pages go "
        "forwards (`first`/`after`) or backwards (`last`/`before`)."
    )
    async def sources(
        self,
        info: Ctx,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        order_by: SourceOrder | None = None,
    ) -> Connection[Source]:
        page = page_asked(info, first, after, last, before, order_by, "date")
        result: Connection[Source] = connection(await sources_page(info.context.store, page), Source.of)
        return result

    @strawberry.field(description="An actor's events in date order (at most 1000).")
    async def timeline(self, info: Ctx, actor: str, from_: From = None, to: To = None) -> list[Event]:
        found = await _events(
            info, EventFilter((), from_, to, actor), TIMELINE_MAX, None, TIMELINE_MAX, links_at=()
        )
        return [edge.node for edge in found.edges]
