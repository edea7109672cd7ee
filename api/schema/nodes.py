"""The graph's node types as clients see them. Scalar fields come from the node; links are resolved
through the request's DataLoaders."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.schema.common import Connection, Evidence, GeoPoint, Money, Source, connection
from api.schema.context import Context
from api.schema.enums import (
    ActorKind,
    DatePrecision,
    EventKind,
    EventLinkKind,
    LinkDirection,
    SubjectKind,
    member,
)
from api.schema.filters import FactOrder, page_asked
from api.schema.loaders import ActorEventsKey, EventLinksKey, actor_event_pages
from api.schema.reports import Reported
from api.schema.selection import child_fields, event_links_selected, event_props_selected
from graph.errors import KgError
from graph.model.links import EVENT_LINK_KINDS, LINK_KIND_OF_TYPE
from graph.read.links import Links
from graph.read.lookup import found_node, node_by_id
from graph.read.money import money_of
from graph.read.pages import Page

Ctx = Info[Context, None]
ROLE_ORDER = (
    "head_of_delegation",
    "host",
    "issuer",
    "speaker",
    "organizer",
    "delegation",
    "member",
    "target",
)
ROLE_RANK = {role: index for index, role in enumerate(ROLE_ORDER)}


def _by_name(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda props: (str(props.get("name", "")), props["id"]))


def _by_date(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda props: (props.get("start_date") or date.max, props["id"]))


async def _links(loader: Any, key: Any) -> Links:
    found: Links | None = await loader.load(key)
    return found or {}


@strawberry.type(description="A person, organisation, country, region or city.")
class Actor:
    id: strawberry.ID
    kind: ActorKind
    name: str
    aliases: list[str]
    wikidata_id: str | None
    org_kind: str | None = strawberry.field(description="Organisations: government, ministry, company, ...")
    iso_code: str | None = strawberry.field(description="Places: ISO 3166-1 alpha-2 or ISO 3166-2 code.")
    location: GeoPoint | None = strawberry.field(description="Places: the administrative centre.")
    subject_kind: SubjectKind | None = strawberry.field(
        default=None, description="Russian federal subjects: their kind after ISO 3166-2:RU."
    )

    @classmethod
    def of(cls, props: dict[str, Any]) -> Actor:
        return cls(
            id=strawberry.ID(props["id"]),
            kind=member(ActorKind, props["kind"]),
            name=props["name"],
            aliases=list(props.get("aliases") or []),
            wikidata_id=props.get("wikidata_id"),
            org_kind=props.get("org_kind"),
            iso_code=props.get("iso_code"),
            location=GeoPoint.of(props.get("location")),
            subject_kind=member(SubjectKind, props["subject_kind"]) if props.get("subject_kind") else None,
        )

    @strawberry.field(description="Places: the place this one lies in.")
    async def parent(self, info: Ctx) -> Actor | None:
        found = (await _links(info.context.loaders.actor_links, self.id)).get("parent") or []
        return Actor.of(found[0]) if found else None

    @strawberry.field(description="The country a person or organisation belongs to, or a place lies in.")
    async def country(self, info: Ctx) -> Actor | None:
        found = (await _links(info.context.loaders.actor_links, self.id)).get("country") or []
        return Actor.of(found[0]) if found else None

    @strawberry.field(description="Offices this person holds, or offices of this organisation or place.")
    async def offices(self, info: Ctx) -> list[Office]:
        found = (await _links(info.context.loaders.actor_links, self.id)).get("offices") or []
        return [Office.of(props) for props in sorted(found, key=lambda o: o["id"])]

    @strawberry.field(description="Agreements this actor is a party to.")
    async def agreements(self, info: Ctx) -> list[Agreement]:
        found = (await _links(info.context.loaders.actor_links, self.id)).get("agreements") or []
        return [Agreement.of(props) for props in _by_date(found)]

    @strawberry.field(
        description="Events this actor (or, for a state, anyone acting for it) took part in, and events "
        "about it; in date order unless `orderBy` says otherwise."
    )
    async def events(
        self,
        info: Ctx,
        kinds: list[EventKind] | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
        first: int | None = None,
        after: str | None = None,
        order_by: FactOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Event]:
        key = actor_events_key(info, self.id, kinds, from_, to, first, after, order_by, last, before)
        found = await info.context.loaders.actor_events.load(key)
        return await event_connection(info, found, key.links)


def actor_events_key(
    info: Any,
    actor_id: str,
    kinds: list[EventKind] | None = None,
    from_: date | None = None,
    to: date | None = None,
    first: int | None = None,
    after: str | None = None,
    order_by: FactOrder | None = None,
    last: int | None = None,
    before: str | None = None,
) -> ActorEventsKey:
    """The page `Actor.events` asks its loader for, from its arguments and what is selected below it."""
    page = page_asked(info, first, after, last, before, order_by, "date")
    links = event_links_selected(info, "edges", "node")
    props = event_props_selected(info, "edges", "node")
    return ActorEventsKey(actor_id, tuple(k.value for k in kinds or []), from_, to, page, links, props)


async def actor_props(info: Ctx, actor_id: str) -> dict[str, Any]:
    """The actor's properties. When its `events` are selected below, they are planned here and read with it
    in one round trip (the page primed into the loader `Actor.events` asks), as the peer's single statement
    does; another alias of `events` with other arguments is read by its own field, and a selection that
    cannot be planned (conditional, or arguments `Actor.events` will refuse) falls back to two round trips,
    so the field reports its own errors."""
    for child in child_fields(info, Actor, "events")[:1]:
        try:
            key = actor_events_key(child.info(info), actor_id, **child.arguments)
        except KgError:
            break
        page = (await actor_event_pages(info.context.store, [key], owner=actor_id))[key]
        info.context.loaders.actor_events.prime(key, page)
        return found_node("actor", actor_id, page.owner)
    return await node_by_id(info.context.store, "actor", actor_id)


@strawberry.type(description="An office held: who, which office, of what, from when to when.")
class Office(Reported):
    id: strawberry.ID
    title: str
    start_date: date | None
    end_date: date | None
    person: Actor | None
    holder: Actor | None = strawberry.field(name="of", description="The organisation or place of the office.")
    evidence: list[Evidence]

    @classmethod
    def of(cls, props: dict[str, Any]) -> Office:
        return cls(
            **Reported.reported(props),
            id=strawberry.ID(props["id"]),
            title=props["title"],
            start_date=props.get("start_date"),
            end_date=props.get("end_date"),
            person=Actor.of(props["person"]) if props.get("person") else None,
            holder=Actor.of(props["of"]) if props.get("of") else None,
            evidence=Evidence.all_of(props.get("evidence") or []),
        )


@strawberry.type(
    description="An actor's part in an event: head_of_delegation, host, speaker, issuer, target, ..."
)
class Participant:
    role: str
    actor: Actor


@strawberry.type(description="A party to an agreement, and the side it signed for.")
class Party:
    side: str | None
    actor: Actor


@strawberry.type(
    description=(
        "Something that happened: a visit, a signing, a ban, a statement, a meeting, a publication, an "
        "appointment or dismissal, a detention, a sentence, a fine, a sanction, an expulsion."
    )
)
class Event(Reported):
    id: strawberry.ID
    kind: EventKind
    title: str
    summary: str | None
    content: str | None = strawberry.field(description="Statements: what was said, verbatim where quoted.")
    start_date: date | None
    end_date: date | None
    date_precision: DatePrecision
    money: Money | None = strawberry.field(
        default=None, description="Fines and sentences: the sum imposed (a fine, damages), when reported."
    )
    link_data: strawberry.Private[Links | None] = None
    """What it links to, fetched with the other events of the same answer (`events_of`): the link fields
    below only read it, so they are plain attributes to GraphQL, not awaited resolvers."""

    @classmethod
    def of(cls, props: dict[str, Any], as_of: datetime | None = None) -> Event:
        """`as_of`: the moment `props` were reconciled for (asOf), so its reports are those live then.
        Its links are not fetched: answers that hold events build them with `events_of`."""
        value = money_of(props)
        return cls(
            **Reported.reported(props, as_of),
            id=strawberry.ID(props["id"]),
            kind=member(EventKind, props["kind"]),
            title=props["title"],
            summary=props.get("summary"),
            content=props.get("content"),
            start_date=props.get("start_date"),
            end_date=props.get("end_date"),
            date_precision=member(DatePrecision, props.get("date_precision", "day")),
            money=Money.of(value) if value else None,
        )

    def _get(self, name: str) -> list[Any]:
        found: list[Any] = (self.link_data or {}).get(name) or []
        return found

    @strawberry.field
    def participants(self) -> list[Participant]:
        found = self._get("participants")
        found.sort(key=lambda p: (ROLE_RANK.get(p["role"], len(ROLE_RANK)), p["actor"]["name"]))
        return [Participant(role=p["role"], actor=Actor.of(p["actor"])) for p in found]

    @strawberry.field(description="Where it took place.")
    def places(self) -> list[Actor]:
        return [Actor.of(props) for props in _by_name(self._get("places"))]

    @strawberry.field(description="The trip this event is a leg of.")
    async def trip(self, info: Ctx) -> Event | None:
        found = await events_of(info, self._get("trip")[:1], event_links_selected(info))
        return found[0] if found else None

    @strawberry.field(description="The legs of this trip (and other events that are part of it).")
    async def legs(self, info: Ctx) -> list[Event]:
        return await events_of(info, _by_date(self._get("legs")), event_links_selected(info))

    @strawberry.field(
        description="Events this one is linked to, both ways: the trip it is part of and its legs, the "
        "events it follows up or responds to and those that follow it up or respond to it. `kinds` and "
        "`direction` narrow the list; in the order of EventLinkKind, outgoing first, then by date."
    )
    async def links(
        self, info: Ctx, kinds: list[EventLinkKind] | None = None, direction: LinkDirection | None = None
    ) -> list[EventLink]:
        wanted = {kind.value for kind in kinds} if kinds else set(EVENT_LINK_KINDS)
        found = []
        for link in self._get("links"):
            kind = LINK_KIND_OF_TYPE[link["type"]]
            way = LinkDirection.OUTGOING if link["outgoing"] else LinkDirection.INCOMING
            if kind.name in wanted and direction in (None, way):
                found.append((kind, way, link))
        rank = {name: index for index, name in enumerate(EVENT_LINK_KINDS)}
        found.sort(
            key=lambda each: (
                rank[each[0].name],
                each[1] is LinkDirection.INCOMING,
                each[2]["event"].get("start_date") or date.max,
                each[2]["event"]["id"],
            )
        )
        others = await events_of(
            info, [link["event"] for _, _, link in found], event_links_selected(info, "event")
        )
        return [
            EventLink(
                kind=EventLinkKind(kind.name),
                direction=way,
                label=kind.forward if way is LinkDirection.OUTGOING else kind.backward,
                event=other,
                source_ids=list(link.get("sources") or []),
            )
            for (kind, way, link), other in zip(found, others, strict=True)
        ]

    @strawberry.field(description="Actors and places the event concerns.")
    def about(self) -> list[Actor]:
        return [Actor.of(props) for props in _by_name(self._get("about"))]

    @strawberry.field(description="Agreements this event produced, with their values.")
    def agreements(self) -> list[Agreement]:
        return [Agreement.of(props) for props in _by_date(self._get("agreements"))]

    @strawberry.field(description="The passages that state this event.")
    def evidence(self) -> list[Evidence]:
        return Evidence.all_of(self._get("evidence"))


async def events_of(
    info: Ctx,
    items: list[dict[str, Any]],
    links: frozenset[str],
    as_of: datetime | None = None,
    read: dict[str, Links] | None = None,
) -> list[Event]:
    """Events from their properties, with the links in `links` (the link fields the client selected on
    them, api/schema/selection.py) fetched for all of them in one batch: through the request's DataLoader,
    so the events of many answers (every event's legs) share one round trip too; `read`: the links the
    query that found them read already (a page of events), by id."""
    events = [Event.of(props, as_of) for props in items]
    if read is not None and all(event.id in read for event in events):
        for event in events:
            event.link_data = read[event.id]
    elif links and events:
        keys = [EventLinksKey(str(event.id), links) for event in events]
        for event, found in zip(events, await info.context.loaders.event_links.load_many(keys), strict=True):
            event.link_data = found or {}
    return events


async def event_connection(
    info: Ctx, page: Page, links: frozenset[str], as_of: datetime | None = None
) -> Connection[Event]:
    """A connection of events (`connection`), their selected links fetched in one batch."""
    events = iter(await events_of(info, [props for _, props in page.items], links, as_of, page.links))
    result: Connection[Event] = connection(page, lambda _: next(events))
    return result


@strawberry.type(
    description="A link between two events, read from the event that lists it: OUTGOING says this event "
    "follows up, is part of or responds to `event`; INCOMING says `event` does so to this one."
)
class EventLink:
    kind: EventLinkKind
    direction: LinkDirection
    label: str = strawberry.field(
        description="The link in words, read from this event: follows up, is followed up by, is part of, ..."
    )
    event: Event = strawberry.field(description="The event at the other end.")
    source_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The sources that state the link.")
    async def sources(self, info: Ctx) -> list[Source]:
        found = await info.context.loaders.sources.load_many(self.source_ids)
        return [Source.of(props) for props in found if props is not None]


@strawberry.type(description="An agreement or contract, with its value and parties.")
class Agreement(Reported):
    id: strawberry.ID
    kind: str
    title: str
    status: str | None
    start_date: date | None
    end_date: date | None
    value: Money | None

    @classmethod
    def of(cls, props: dict[str, Any], as_of: datetime | None = None) -> Agreement:
        value = money_of(props)
        return cls(
            **Reported.reported(props, as_of),
            id=strawberry.ID(props["id"]),
            kind=props["kind"],
            title=props["title"],
            status=props.get("status"),
            start_date=props.get("start_date"),
            end_date=props.get("end_date"),
            value=Money.of(value) if value else None,
        )

    async def _get(self, info: Ctx, name: str) -> list[Any]:
        found: list[Any] = (await _links(info.context.loaders.agreement_links, self.id)).get(name) or []
        return found

    @strawberry.field
    async def parties(self, info: Ctx) -> list[Party]:
        found = sorted(await self._get(info, "parties"), key=lambda p: p["actor"]["name"])
        return [Party(side=p.get("side"), actor=Actor.of(p["actor"])) for p in found]

    @strawberry.field(description="The signings that produced it.")
    async def produced_by(self, info: Ctx) -> list[Event]:
        return await events_of(
            info, _by_date(await self._get(info, "produced_by")), event_links_selected(info)
        )

    @strawberry.field
    async def evidence(self, info: Ctx) -> list[Evidence]:
        return Evidence.all_of(await self._get(info, "evidence"))
