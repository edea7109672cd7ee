"""`/export/...`: the graph, map and timeline data front-end libraries read natively, streamed."""

from __future__ import annotations

from collections.abc import AsyncIterable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from api.deps import StoreDep
from api.exports import answers
from api.exports.csv_table import csv_rows
from api.exports.cytoscape import cytoscape_elements
from api.exports.filters import (
    AgreementExportFilter,
    ExportFilter,
    From,
    Names,
    To,
    parse_date,
    parse_kinds,
)
from api.exports.geojson import feature_collection
from api.exports.gexf import gexf_document
from api.exports.streaming import chunked, started
from graph.errors import Location, ValidationFailed
from graph.read import exports
from graph.read.changes import check_moment
from graph.read.engagements import RegionEngagement, region_engagements
from graph.read.filters import ResolvedEventFilter, check_date_range
from graph.read.stats import (
    AGREEMENT_GROUPS,
    EVENT_GROUPS,
    AgreementBucket,
    AgreementFilter,
    EventBucket,
    agreement_stats,
    event_stats,
)

router = APIRouter(prefix="/export", tags=["exports"])

FILTERS_NOTE = (
    "Filtered like GraphQL `events` (actor, country, place, kinds, from, to, source); an unknown or "
    "ambiguous name is a 400 naming the argument. Streamed as it is read."
)


async def _streamed(
    pieces: AsyncIterable[str], media_type: str, filename: str | None = None
) -> StreamingResponse:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'} if filename else None
    return StreamingResponse(await started(chunked(pieces)), media_type=media_type, headers=headers)


class ExportError(BaseModel):
    """What an export answers instead of data (the app's KgError handler writes it)."""

    code: str
    detail: str
    argument: str | None = None


ERRORS: dict[int | str, dict[str, object]] = {
    400: {
        "model": ExportError,
        "description": "A filter is malformed, unknown or ambiguous; `argument` names it",
    },
    503: {"model": ExportError, "description": "Neo4j does not answer (`UNAVAILABLE`); retry later"},
    504: {"model": ExportError, "description": "The export ran past KG_EXPORT_TIMEOUT (`TIMEOUT`)"},
}


def _content(media_type: str, description: str) -> dict[int | str, dict[str, object]]:
    return {200: {"description": description, "content": {media_type: {}}}, **ERRORS}


@router.get(
    "/graph.json",
    summary="The graph as Cytoscape.js elements",
    description="The selected events and what they link to (participants, places, trips, events they "
    "follow up or respond to, topics, agreements and their parties) as `{elements: {nodes, edges}}`, "
    "each element's `data` flat, with `evidence` quotes on events and agreements. " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/json", "Cytoscape.js elements JSON"),
)
async def graph_json(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    nodes = exports.graph_nodes(store, filters)
    edges = exports.graph_edges(store, filters)
    return await _streamed(cytoscape_elements(nodes, edges), "application/json")


@router.get(
    "/graph.gexf",
    summary="The graph as GEXF 1.3 (Gephi)",
    description="The same nodes and edges as `/export/graph.json`, as a directed GEXF 1.3 graph with "
    "typed attributes (kind, dates, ISO code, values, coordinates; edge type, role, side). " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/gexf+xml", "GEXF 1.3 document"),
)
async def graph_gexf(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    nodes = exports.graph_nodes(store, filters)
    edges = exports.graph_edges(store, filters)
    return await _streamed(gexf_document(nodes, edges), "application/gexf+xml", "graph.gexf")


@router.get(
    "/places.geojson",
    summary="Engaged places as GeoJSON",
    description="A Point feature per place the selected events took place in (or that is a party to an "
    "agreement they produced), at its administrative centre, with its ISO code, event count, event ids "
    "and contract values (each, and their total). " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/geo+json", "GeoJSON FeatureCollection (RFC 7946)"),
)
async def places_geojson(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    return await _streamed(feature_collection(exports.places(store, filters)), "application/geo+json")


@router.get(
    "/events.csv",
    summary="Events as CSV",
    description="One row per selected event in date order: "
    + ", ".join(exports.EVENT_COLUMNS)
    + ". List fields join their values with '; '. "
    + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("text/csv", "CSV with a header row, UTF-8"),
)
async def events_csv(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    return await _streamed(csv_rows(exports.events(store, filters)), "text/csv; charset=utf-8", "events.csv")


# Answers as files: the flagship and the aggregations, with the filters of their GraphQL fields.

AsOfParam = Annotated[
    str | None,
    Query(alias="asOf", description="The answer as the graph stood then (ISO 8601 with a time zone)."),
]
FLAGSHIP_NOTE = (
    "`actor` (an id, a name or an alias: `Minsk`) and `country` (`RU`) are required; `from`, `to`, `asOf`, "
    "`through` (visit, agreement, participation, subject) and `regionKinds` (oblast, krai, republic, "
    "federal_city, autonomous_oblast, autonomous_okrug) narrow it, as in GraphQL `regionEngagements`. A "
    "missing, unknown or ambiguous argument is a 400 naming it; Neo4j down is a 503, before any data."
)
STATS_NOTE = (
    "Filtered like GraphQL `events` (actor, country, place, kinds, from, to, source); `groupBy` takes "
    f"{', '.join(EVENT_GROUPS)} (one period at most); `legs=true` counts a trip's legs too. A bad argument "
    "is a 400 naming it; Neo4j down is a 503, before any data."
)
AGREEMENT_STATS_NOTE = (
    "Filtered like GraphQL `agreements` (kinds, party, minValueUsd, from, to); `groupBy` takes "
    f"{', '.join(AGREEMENT_GROUPS)} (one period at most). A bad argument is a 400 naming it."
)


def _required(value: str | None, argument: str) -> str:
    if value is None or not value.strip():
        raise ValidationFailed(f"'{argument}' is required", location=Location(field=argument))
    return value


def _moment(value: str | None) -> datetime | None:
    if value is None or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationFailed(
            f"'asOf' must be a date and time with a time zone, got '{value}'", location=Location(field="asOf")
        ) from None
    return check_moment(moment, "asOf")


async def _engagements(
    store: StoreDep,
    actor: str | None,
    country: str | None,
    from_: str | None,
    to: str | None,
    as_of: str | None,
    through: list[str] | None,
    region_kinds: list[str] | None,
) -> list[RegionEngagement]:
    start, end = parse_date(from_, "from"), parse_date(to, "to")
    check_date_range(start, end)
    return await region_engagements(
        store,
        _required(actor, "actor"),
        _required(country, "country"),
        start,
        end,
        _moment(as_of),
        through=parse_kinds(through) or None if through is not None else None,
        region_kinds=parse_kinds(region_kinds) or None if region_kinds is not None else None,
    )


@router.get(
    "/region-engagements.csv",
    summary="The flagship answer as CSV",
    description="One row per region, in the order of GraphQL `regionEngagements`: "
    + ", ".join(answers.ENGAGEMENT_COLUMNS)
    + ". List cells join their values with '; '. "
    + FLAGSHIP_NOTE,
    response_class=StreamingResponse,
    responses=_content("text/csv", "CSV with a header row, UTF-8"),
)
async def region_engagements_csv(
    store: StoreDep,
    actor: Annotated[str | None, Query(examples=["Minsk"])] = None,
    country: Annotated[str | None, Query(examples=["RU"])] = None,
    from_: From = None,
    to: To = None,
    as_of: AsOfParam = None,
    through: Names = None,
    region_kinds: Annotated[list[str] | None, Query(alias="regionKinds")] = None,
) -> StreamingResponse:
    rows = await _engagements(store, actor, country, from_, to, as_of, through, region_kinds)
    table = answers.csv_of(answers.ENGAGEMENT_COLUMNS, map(answers.engagement_row, rows))
    return await _streamed(table, "text/csv; charset=utf-8", "region-engagements.csv")


@router.get(
    "/region-engagements.geojson",
    summary="The flagship answer as GeoJSON",
    description="A Point feature per region at its administrative centre, with the CSV's columns as "
    "properties. " + FLAGSHIP_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/geo+json", "GeoJSON FeatureCollection (RFC 7946)"),
)
async def region_engagements_geojson(
    store: StoreDep,
    actor: Annotated[str | None, Query(examples=["Minsk"])] = None,
    country: Annotated[str | None, Query(examples=["RU"])] = None,
    from_: From = None,
    to: To = None,
    as_of: AsOfParam = None,
    through: Names = None,
    region_kinds: Annotated[list[str] | None, Query(alias="regionKinds")] = None,
) -> StreamingResponse:
    rows = await _engagements(store, actor, country, from_, to, as_of, through, region_kinds)
    features = answers.geojson_of(rows, lambda row: row.region, answers.engagement_row)
    return await _streamed(features, "application/geo+json")


def _place_key(group_by: list[str], keys: tuple[str, ...]) -> str:
    found = next((key for key in keys if key in group_by), None)
    if found is None:
        raise ValidationFailed(
            f"a map needs a place: group by {' or '.join(keys)}", location=Location(field="groupBy")
        )
    return found


async def _event_stats(
    store: StoreDep, filters: ResolvedEventFilter, group_by: list[str] | None, legs: bool
) -> tuple[list[str], list[EventBucket]]:
    keys = parse_kinds(group_by)
    return list(keys), await event_stats(store, filters, keys, legs=legs)


@router.get(
    "/event-stats.csv",
    summary="Event counts per group as CSV",
    description="GraphQL `eventStats` as a table: the keys grouped by (a place as id, name and ISO code; "
    "a period as label, first and last day), then count, agreement_count and contract_value_usd. "
    + STATS_NOTE,
    response_class=StreamingResponse,
    responses=_content("text/csv", "CSV with a header row, UTF-8"),
)
async def event_stats_csv(
    store: StoreDep,
    filters: ExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["month,kind"])] = None,
    legs: bool = False,
) -> StreamingResponse:
    keys, buckets = await _event_stats(store, filters, group_by, legs)
    rows = (answers.event_bucket_row(bucket, keys) for bucket in buckets)
    table = answers.csv_of(answers.event_stats_columns(keys), rows)
    return await _streamed(table, "text/csv; charset=utf-8", "event-stats.csv")


@router.get(
    "/event-stats.geojson",
    summary="Event counts per place as GeoJSON",
    description="GraphQL `eventStats` on a map: `groupBy` must hold region or country; a Point feature "
    "per bucket at that place's centre, the CSV's columns as properties (buckets without a place are "
    "only in the CSV). " + STATS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/geo+json", "GeoJSON FeatureCollection (RFC 7946)"),
)
async def event_stats_geojson(
    store: StoreDep,
    filters: ExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["region,year"])] = None,
    legs: bool = False,
) -> StreamingResponse:
    place = _place_key(list(parse_kinds(group_by)), ("region", "country"))
    keys, buckets = await _event_stats(store, filters, group_by, legs)
    features = answers.geojson_of(
        buckets, lambda bucket: getattr(bucket, place), lambda b: answers.event_bucket_row(b, keys)
    )
    return await _streamed(features, "application/geo+json")


async def _agreement_stats(
    store: StoreDep, given: AgreementFilter, group_by: list[str] | None
) -> tuple[list[str], list[AgreementBucket]]:
    keys = list(parse_kinds(group_by))
    return keys, await agreement_stats(store, given, keys)


@router.get(
    "/agreement-stats.csv",
    summary="Agreement counts and values per group as CSV",
    description="GraphQL `agreementStats` as a table: the keys grouped by, then count, valued_count, "
    "sum, min, max (in value_currency) and sum_usd. " + AGREEMENT_STATS_NOTE,
    response_class=StreamingResponse,
    responses=_content("text/csv", "CSV with a header row, UTF-8"),
)
async def agreement_stats_csv(
    store: StoreDep,
    given: AgreementExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["party,currency"])] = None,
) -> StreamingResponse:
    keys, buckets = await _agreement_stats(store, given, group_by)
    rows = (answers.agreement_bucket_row(bucket, keys) for bucket in buckets)
    table = answers.csv_of(answers.agreement_stats_columns(keys), rows)
    return await _streamed(table, "text/csv; charset=utf-8", "agreement-stats.csv")


@router.get(
    "/agreement-stats.geojson",
    summary="Agreement values per region as GeoJSON",
    description="GraphQL `agreementStats` on a map: `groupBy` must hold region; a Point feature per "
    "bucket at the region's centre, the CSV's columns as properties. " + AGREEMENT_STATS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/geo+json", "GeoJSON FeatureCollection (RFC 7946)"),
)
async def agreement_stats_geojson(
    store: StoreDep,
    given: AgreementExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["region"])] = None,
) -> StreamingResponse:
    _place_key(list(parse_kinds(group_by)), ("region",))
    keys, buckets = await _agreement_stats(store, given, group_by)
    features = answers.geojson_of(
        buckets, lambda bucket: bucket.region, lambda b: answers.agreement_bucket_row(b, keys)
    )
    return await _streamed(features, "application/geo+json")
