"""The inputs that narrow and order lists: one definition for every field that takes them (`events`,
`Actor.events`, `agreements`, `actors`, `places`, and the aggregations over events)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

import strawberry

from api.schema.common import wants_total
from api.schema.enums import EventKind
from graph.read.filters import AnyAll, EventFilter
from graph.read.pages import PageRequest, page_request


@strawberry.input(
    description="Names (or ids) to match: every one of `all`, and at least one of `any` when given."
)
class NamesFilter:
    all: list[str] | None = None
    any: list[str] | None = None

    @staticmethod
    def of(given: NamesFilter | None) -> AnyAll:
        if given is None:
            return AnyAll()
        return AnyAll(tuple(given.all or ()), tuple(given.any or ()))


@strawberry.input(
    description="Bounds of a value, inclusive: in `currency` (ISO 4217, the amount as reported), or, "
    "without one, of its US dollar equivalent."
)
class ValueRange:
    min: Decimal | None = None
    max: Decimal | None = None
    currency: str | None = None


@strawberry.enum(description="Which way a list runs.")
class SortDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.enum(description="What events and agreements are ordered by; the id breaks ties.")
class FactOrderField(Enum):
    DATE = "date"
    TITLE = "title"
    VALUE = strawberry.enum_value("value", description="In US dollars; those without a value come last.")
    SOURCES = strawberry.enum_value("sources", description="The number of sources reporting it.")


@strawberry.input(description="The order of a list of events or agreements (default: date, ascending).")
class FactOrder:
    field: FactOrderField = FactOrderField.DATE
    direction: SortDirection = SortDirection.ASC


@strawberry.input(description="The order of a list of actors or places: by name (the id breaks ties).")
class NameOrder:
    direction: SortDirection = SortDirection.ASC


@strawberry.enum(description="What sources are ordered by; the id breaks ties.")
class SourceOrderField(Enum):
    DATE = strawberry.enum_value("date", description="The start of the period a digest covers; undated last.")
    TITLE = "title"


@strawberry.input(description="The order of the list of sources (default: date, ascending).")
class SourceOrder:
    field: SourceOrderField = SourceOrderField.DATE
    direction: SortDirection = SortDirection.ASC


def ordering(order: FactOrder | SourceOrder | NameOrder | None, default: str) -> dict[str, Any]:
    """page_request's `order` and `descending` for an orderBy argument."""
    if order is None:
        return {"order": default, "descending": False}
    field = order.field.value if isinstance(order, FactOrder | SourceOrder) else default
    return {"order": field, "descending": order.direction is SortDirection.DESC}


def page_asked(
    info: Any,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    order_by: FactOrder | SourceOrder | NameOrder | None,
    default: str,
    maximum: int | None = None,
) -> PageRequest:
    """The page a list field's arguments ask for, either way, in its orderBy (else `default`); the total is
    counted only when the client selected totalCount."""
    return page_request(
        first,
        after,
        maximum or info.context.settings.page_max,
        wants_total(info),
        last=last,
        before=before,
        **ordering(order_by, default),
    )


From = Annotated[
    date | None, strawberry.argument(name="from", description="Only what ends on or after this day.")
]
To = Annotated[date | None, strawberry.argument(description="Only what starts on or before this day.")]
Actors = Annotated[
    NamesFilter | None,
    strawberry.argument(
        description="Events of these actors (names or ids): those the actor's side took part in (a state "
        "stands for everyone acting for it) and those about the actor."
    ),
]
Places = Annotated[
    NamesFilter | None,
    strawberry.argument(
        description="Events in or about these places (cities, regions, countries; names or ids), or places "
        "within them."
    ),
]
Countries = Annotated[
    NamesFilter | None,
    strawberry.argument(description="Events that took place in these countries (ISO codes, names or ids)."),
]
Sources = Annotated[NamesFilter | None, strawberry.argument(description="Events these sources (ids) report.")]
Value = Annotated[
    ValueRange | None, strawberry.argument(description="Events whose value (a fine, damages) lies in range.")
]
Text = Annotated[
    str | None,
    strawberry.argument(
        description="Words every event must have in its title, summary, content or one of its quotes "
        "(typo-tolerant; words only, never search syntax)."
    ),
]


def event_filter(
    kinds: list[EventKind] | None = None,
    from_: date | None = None,
    to: date | None = None,
    actor: str | None = None,
    place: str | None = None,
    country: str | None = None,
    source: str | None = None,
    actors: NamesFilter | None = None,
    places: NamesFilter | None = None,
    countries: NamesFilter | None = None,
    sources: NamesFilter | None = None,
    value: ValueRange | None = None,
    text: str | None = None,
) -> EventFilter:
    """The events filter as the arguments of `events` give it."""
    return EventFilter(
        tuple(k.value for k in kinds or []),
        from_,
        to,
        actor,
        place,
        country,
        source,
        actors=NamesFilter.of(actors),
        places=NamesFilter.of(places),
        countries=NamesFilter.of(countries),
        sources=NamesFilter.of(sources),
        value_min=value.min if value else None,
        value_max=value.max if value else None,
        currency=value.currency if value else None,
        text=text,
    )
