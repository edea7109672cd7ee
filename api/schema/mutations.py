"""Writes: upsertActor, upsertEvent, deleteEvent, for callers with a write API key.

The inputs only carry values: their fields are the model's (graph.model), and the dict they make goes
straight into the loader's validation (graph.write), so there is one set of rules for seed files and API.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry

from api.auth import require_write
from api.schema.enums import ActorKind, DatePrecision, EventKind, EventLinkKind
from api.schema.nodes import Actor, Ctx, Event, events_of
from api.schema.selection import event_links_selected
from graph.errors import KgError
from graph.model.dates import EARLIEST, LATEST
from graph.read.lookup import node_by_id
from graph.write import delete_event, upsert_actor, upsert_event


@strawberry.input(
    description=f"A day, a range of days, a month or a year, within {EARLIEST}..{LATEST}; `end` defaults to "
    "`start`."
)
class DateSpanInput:
    start: date
    end: date | None = None
    precision: DatePrecision | None = strawberry.field(
        default=None, description="Inferred when left out: DAY for one day, RANGE for several."
    )


@strawberry.input(description="A WGS84 point.")
class GeoPointInput:
    lat: float
    lon: float


@strawberry.input(description="A person, organisation or place. References take an id or any name or alias.")
class ActorInput:
    id: strawberry.ID = strawberry.field(
        description="person:..., org:..., country:<ISO>, region:..., city:..."
    )
    kind: ActorKind
    name: str
    aliases: list[str] | None = None
    wikidata_id: str | None = None
    org_kind: str | None = strawberry.field(
        default=None, description="Organisations: government, ministry, company, ngo, military, media, ..."
    )
    country: str | None = strawberry.field(default=None, description="People and organisations.")
    iso_code: str | None = strawberry.field(default=None, description="Places: ISO 3166-1/3166-2 code.")
    subject_kind: str | None = strawberry.field(
        default=None,
        description="Russian regions: oblast, krai, republic, federal_city, autonomous_oblast, "
        "autonomous_okrug; follows from the ISO 3166-2:RU code when left out, and must agree with it.",
    )
    parent: str | None = strawberry.field(default=None, description="Places: the place it lies in.")
    location: GeoPointInput | None = strawberry.field(default=None, description="Places.")


@strawberry.input(description="An actor (id, name or alias) and its role: head_of_delegation, host, ...")
class ParticipantInput:
    actor: str
    role: str


@strawberry.input(
    description="An event this one follows up (FOLLOWS) or responds to (RESPONSE_TO); a trip is `partOf`."
)
class EventLinkInput:
    kind: EventLinkKind
    event: strawberry.ID = strawberry.field(description="The id of an event the graph holds.")


@strawberry.input(description="The exact words of a source that state the record.")
class EvidenceInput:
    quote: str
    source: strawberry.ID = strawberry.field(description="The id of a source the graph holds.")


@strawberry.input(description="The value in US dollars: `rate` is USD per one unit of the currency.")
class UsdValueInput:
    amount: Decimal
    rate: Decimal
    rate_date: date


@strawberry.input(description="An exact amount in an ISO 4217 currency, with its USD value when not USD.")
class MoneyInput:
    amount: Decimal
    currency: str
    usd: UsdValueInput | None = None


@strawberry.input(description="A party (id, name or alias) and the side it signed for.")
class PartyInput:
    actor: str
    side: str


@strawberry.input(description="An agreement a contract signing produced.")
class AgreementInput:
    id: strawberry.ID
    kind: str = strawberry.field(description="contract, memorandum, agreement, resolution or plan.")
    title: str
    status: str = strawberry.field(description="announced, signed, ratified, in_force or terminated.")
    evidence: list[EvidenceInput]
    date: DateSpanInput | None = None
    value: MoneyInput | None = None
    parties: list[PartyInput] | None = None


@strawberry.input(description="An event. Actors and places take an id or any name or alias.")
class EventInput:
    id: strawberry.ID
    kind: EventKind
    title: str
    date: DateSpanInput
    evidence: list[EvidenceInput]
    summary: str | None = None
    participants: list[ParticipantInput] | None = None
    places: list[str] | None = None
    part_of: strawberry.ID | None = strawberry.field(default=None, description="The trip it is a leg of.")
    links: list[EventLinkInput] | None = strawberry.field(
        default=None, description="Events it follows up or responds to."
    )
    about: list[str] | None = None
    content: str | None = strawberry.field(default=None, description="Statements: what was said.")
    money: MoneyInput | None = strawberry.field(
        default=None, description="Fines and sentences: the sum imposed (a fine, damages)."
    )
    produced: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Contract signings: ids of agreements the graph already holds."
    )
    agreements: list[AgreementInput] | None = strawberry.field(
        default=None, description="Contract signings: agreements it produced, written with it."
    )


@strawberry.type(description="What deleteEvent removed.")
class DeleteResult:
    id: strawberry.ID
    deleted: bool


def record_of(value: Any) -> Any:
    """An input as the plain record the models validate: enum values, and no field left unset."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [record_of(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        found = ((each.name, getattr(value, each.name)) for each in fields(value))
        return {name: record_of(item) for name, item in found if item is not None}
    return value


def _author(info: Ctx) -> str:
    """The name of the caller's write key; 401 without a valid key, 403 with a read-only one."""
    context = info.context
    try:
        if context.key_error is not None:
            raise context.key_error
        return require_write(context.key).name
    except KgError as exc:
        if context.response is not None:
            context.response.status_code = exc.http_status
        raise


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create or replace an actor; returns it as stored.")
    async def upsert_actor(self, info: Ctx, input: ActorInput) -> Actor:
        author = _author(info)
        actor_id = await upsert_actor(info.context.store, record_of(input), author)
        return Actor.of(await node_by_id(info.context.store, "actor", actor_id))

    @strawberry.mutation(
        description="Create or replace an event with its links and the agreements it produced, in one "
        "transaction; returns it as stored."
    )
    async def upsert_event(self, info: Ctx, input: EventInput) -> Event:
        author = _author(info)
        event_id = await upsert_event(info.context.store, record_of(input), author)
        props = await node_by_id(info.context.store, "event", event_id)
        [event] = await events_of(info, [props], event_links_selected(info))
        return event

    @strawberry.mutation(description="Delete an event; the agreements it produced stay.")
    async def delete_event(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        author = _author(info)
        await delete_event(info.context.store, str(id), author)
        return DeleteResult(id=id, deleted=True)
