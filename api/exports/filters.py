"""The query parameters every export takes: the filters of GraphQL `events`, resolved before streaming."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import Depends, Query

from api.deps import StoreDep
from graph.errors import Location, ValidationFailed
from graph.model.events import EVENT_KINDS
from graph.read.changes import check_moment
from graph.read.engagements import RegionEngagement, region_engagements
from graph.read.filters import EventFilter, ResolvedEventFilter, check_date_range, resolve_event_filter
from graph.read.stats import AgreementFilter

Actor = Annotated[
    str | None,
    Query(
        description="Events this actor (or, for a state or its government, anyone acting for it) took "
        "part in, directly or on a trip they are a leg of. An id, a name or an alias: `Minsk`, "
        "`Lukashenko`, `person:roman-golovchenko`.",
        examples=["Minsk"],
    ),
]
Country = Annotated[
    str | None,
    Query(
        description="Events in this country: ISO 3166-1 code, id or name (`RU`, `Russia`).", examples=["RU"]
    ),
]
Place = Annotated[
    str | None, Query(description="Events in this place or a place within it (`Novosibirsk Oblast`).")
]
Kinds = Annotated[
    list[str] | None,
    Query(description=f"Event kinds, repeated or comma-separated: {', '.join(EVENT_KINDS)}."),
]
# Parsed by parse_date, so a bad date is our 400 naming the argument; the OpenAPI still says it is a date.
DATE_SCHEMA: dict[str, Any] = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
From = Annotated[
    str | None,
    Query(
        alias="from",
        description="Events ending on or after this date (YYYY-MM-DD).",
        json_schema_extra=DATE_SCHEMA,
    ),
]
To = Annotated[
    str | None,
    Query(
        description="Events starting on or before this date (YYYY-MM-DD).",
        json_schema_extra=DATE_SCHEMA,
    ),
]
Source = Annotated[str | None, Query(description="Events a source (digest id) gives evidence for.")]
Names = Annotated[
    list[str] | None, Query(description="Repeated or comma-separated, in any case (`month,kind`).")
]
AsOf = Annotated[
    str | None,
    Query(alias="asOf", description="The answer as the graph stood then (ISO 8601 with a time zone)."),
]
MinValue = Annotated[float | None, Query(alias="minValueUsd", description="Only agreements worth this much.")]


def parse_kinds(values: list[str] | None) -> tuple[str, ...]:
    """`kinds=visit&kinds=ban`, `kinds=visit,ban` and `kinds=VISIT` all say the same."""
    return tuple(kind.strip().lower() for value in values or () for kind in value.split(",") if kind.strip())


def parse_date(value: str | None, argument: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationFailed(
            f"'{argument}' must be a date as YYYY-MM-DD, got '{value}'", location=Location(field=argument)
        ) from None


async def export_filter(
    store: StoreDep,
    actor: Actor = None,
    country: Country = None,
    kinds: Kinds = None,
    from_: From = None,
    to: To = None,
    place: Place = None,
    source: Source = None,
) -> ResolvedEventFilter:
    given = EventFilter(
        kinds=parse_kinds(kinds),
        start=parse_date(from_, "from"),
        end=parse_date(to, "to"),
        actor=actor,
        place=place,
        country=country,
        source=source,
    )
    return await resolve_event_filter(store, given)


ExportFilter = Annotated[ResolvedEventFilter, Depends(export_filter)]


def agreement_export_filter(
    kinds: Names = None,
    party: str | None = None,
    min_value_usd: MinValue = None,
    from_: From = None,
    to: To = None,
) -> AgreementFilter:
    """The filters of GraphQL `agreementStats`, for its exports."""
    return AgreementFilter(
        parse_kinds(kinds), party, min_value_usd, parse_date(from_, "from"), parse_date(to, "to")
    )


AgreementExportFilter = Annotated[AgreementFilter, Depends(agreement_export_filter)]


def _required(value: str | None, argument: str) -> str:
    if value is None or not value.strip():
        raise ValidationFailed(f"'{argument}' is required", location=Location(field=argument))
    return value


def parse_moment(value: str | None, argument: str) -> datetime | None:
    if value is None or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationFailed(
            f"'{argument}' must be a date and time with a time zone, got '{value}'",
            location=Location(field=argument),
        ) from None
    return check_moment(moment, argument)


def _names_or_all(values: list[str] | None) -> tuple[str, ...] | None:
    """None (every one) when the argument is absent or empty, as GraphQL's `regionEngagements` reads it."""
    return parse_kinds(values) or None if values is not None else None


async def flagship_rows(
    store: StoreDep,
    actor: Annotated[str | None, Query(examples=["Minsk"])] = None,
    country: Annotated[str | None, Query(examples=["RU"])] = None,
    from_: From = None,
    to: To = None,
    as_of: AsOf = None,
    through: Names = None,
    region_kinds: Annotated[list[str] | None, Query(alias="regionKinds")] = None,
) -> list[RegionEngagement]:
    """The flagship's rows for the arguments of GraphQL `regionEngagements`, read before streaming, so a bad
    argument is a 400 naming it."""
    start, end = parse_date(from_, "from"), parse_date(to, "to")
    check_date_range(start, end)
    return await region_engagements(
        store,
        _required(actor, "actor"),
        _required(country, "country"),
        start,
        end,
        parse_moment(as_of, "asOf"),
        through=_names_or_all(through),
        region_kinds=_names_or_all(region_kinds),
    )


FlagshipRows = Annotated[list[RegionEngagement], Depends(flagship_rows)]
