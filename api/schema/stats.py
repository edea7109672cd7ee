"""Aggregation fields: events and agreements counted per bucket of group keys, one query each."""

from __future__ import annotations

from datetime import date

import strawberry

from api.schema.common import Money, Source
from api.schema.enums import AgreementGroup, EventGroup, EventKind, PeriodUnit
from api.schema.filters import Actors, Countries, From, Places, Sources, Text, To, Value, event_filter
from api.schema.nodes import Actor, Ctx
from graph.read.filters import resolve_event_filter
from graph.read.stats import (
    AgreementBucket,
    AgreementFilter,
    EventBucket,
    PeriodKey,
    agreement_stats,
    event_stats,
)

VALUE_FIELDS = frozenset({"contractValue", "agreementCount"})


@strawberry.type(
    description="A calendar period: its unit, first and last day, and a label (2023-W17, 2023-Q2)."
)
class Period:
    unit: PeriodUnit
    start: date
    end: date
    label: str

    @classmethod
    def of(cls, key: PeriodKey | None) -> Period | None:
        if key is None:
            return None
        return cls(unit=PeriodUnit(key.unit), start=key.start, end=key.end, label=key.label)


def _actor(props: dict[str, object] | None) -> Actor | None:
    return Actor.of(props) if props else None


@strawberry.type(
    name="EventBucket",
    description="Events sharing the keys asked for in `groupBy`; a key not asked for is null, and so is a "
    "key the events lack (no place: `country` null).",
)
class EventBucketType:
    kind: EventKind | None
    period: Period | None = strawberry.field(description="The period the events start in.")
    country: Actor | None = strawberry.field(description="A country they took place in.")
    region: Actor | None = strawberry.field(description="A region they took place in (or a city of it).")
    actor: Actor | None = strawberry.field(
        description="A participant (in them or the trip they are part of)."
    )
    source: Source | None = strawberry.field(description="A source reporting them.")
    count: int = strawberry.field(description="How many events: each fact once, however many sources.")
    agreement_count: int = strawberry.field(description="How many agreements they produced (each once).")
    contract_value: Money | None = strawberry.field(
        description="Those agreements' values summed in USD, each agreement once; null when none has one."
    )

    @classmethod
    def of(cls, bucket: EventBucket) -> EventBucketType:
        return cls(
            kind=EventKind(bucket.kind) if bucket.kind else None,
            period=Period.of(bucket.period),
            country=_actor(bucket.country),
            region=_actor(bucket.region),
            actor=_actor(bucket.actor),
            source=Source.of(bucket.source) if bucket.source else None,
            count=bucket.count,
            agreement_count=bucket.agreement_count,
            contract_value=Money.of(bucket.contract_value) if bucket.contract_value else None,
        )


@strawberry.type(
    name="AgreementBucket",
    description="Agreements sharing the keys asked for in `groupBy` (null: not asked, or none).",
)
class AgreementBucketType:
    party: Actor | None
    region: Actor | None = strawberry.field(description="A region that is a party, or whose city is.")
    period: Period | None = strawberry.field(description="The period the agreements start in.")
    currency: str | None = strawberry.field(description="The currency of their value.")
    count: int = strawberry.field(description="How many agreements: each once, however many sources.")
    valued_count: int = strawberry.field(description="How many of them have a reported value.")
    sum: Money | None = strawberry.field(
        description="Their values added up: in their currency when they share one (`usd` too when each "
        "has a USD value), else in USD over those with one. Null when none has a value."
    )
    min: Money | None = strawberry.field(description="The least value, in the same currency as `sum`.")
    max: Money | None = strawberry.field(description="The greatest value, in the same currency as `sum`.")

    @classmethod
    def of(cls, bucket: AgreementBucket) -> AgreementBucketType:
        return cls(
            party=_actor(bucket.party),
            region=_actor(bucket.region),
            period=Period.of(bucket.period),
            currency=bucket.currency,
            count=bucket.count,
            valued_count=bucket.valued_count,
            sum=Money.of(bucket.sum) if bucket.sum else None,
            min=Money.of(bucket.min) if bucket.min else None,
            max=Money.of(bucket.max) if bucket.max else None,
        )


def _selected(info: Ctx, names: frozenset[str]) -> bool:
    return any(
        getattr(selection, "name", None) in names
        for field in info.selected_fields
        for selection in field.selections
    )


@strawberry.type
class StatsQuery:
    @strawberry.field(
        description="Events counted per bucket of the keys in `groupBy` (none: one bucket, the total), "
        "with the value of the agreements they produced. Filtered like `events`. A trip and its legs (visits "
        "that are part of a visit) count once, as the trip, unless `legs` is true. An event with several "
        "values of a key (two participants) counts in each of their buckets. Buckets are ordered by the "
        "keys in `groupBy` order: periods in time, names alphabetically, null last. One database query."
    )
    async def event_stats(
        self,
        info: Ctx,
        group_by: list[EventGroup],
        kinds: list[EventKind] | None = None,
        from_: From = None,
        to: To = None,
        actor: str | None = None,
        place: str | None = None,
        country: str | None = None,
        source: strawberry.ID | None = None,
        actors: Actors = None,
        places: Places = None,
        countries: Countries = None,
        sources: Sources = None,
        value: Value = None,
        text: Text = None,
        legs: bool = False,
    ) -> list[EventBucketType]:
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
        resolved = await resolve_event_filter(
            info.context.store, filters, info.context.settings.max_search_terms
        )
        buckets = await event_stats(
            info.context.store,
            resolved,
            [group.value for group in group_by],
            legs=legs,
            with_value=_selected(info, VALUE_FIELDS),
        )
        return [EventBucketType.of(bucket) for bucket in buckets]

    @strawberry.field(
        description="Agreements counted per bucket of the keys in `groupBy`, with the sum, least and "
        "greatest of their values. Filtered like `agreements`. Ordered as `eventStats`. One database query."
    )
    async def agreement_stats(
        self,
        info: Ctx,
        group_by: list[AgreementGroup],
        kinds: list[str] | None = None,
        party: str | None = None,
        min_value_usd: float | None = None,
        from_: From = None,
        to: To = None,
    ) -> list[AgreementBucketType]:
        given = AgreementFilter(tuple(kinds or ()), party, min_value_usd, from_, to)
        buckets = await agreement_stats(info.context.store, given, [group.value for group in group_by])
        return [AgreementBucketType.of(bucket) for bucket in buckets]
