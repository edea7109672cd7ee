"""`/export/...` of answers: the flagship and the aggregations as CSV, and as GeoJSON where a row has a place,
with the filters of their GraphQL fields."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import StoreDep
from api.exports import answers
from api.exports.filters import AgreementExportFilter, ExportFilter, FlagshipRows, parse_kinds
from api.exports.responses import CSV, GEOJSON, content, streamed
from graph.errors import Location, ValidationFailed
from graph.read.stats import (
    AGREEMENT_GROUPS,
    EVENT_GROUPS,
    agreement_stats,
    event_stats,
)

router = APIRouter(prefix="/export", tags=["exports"])

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
CSV_TABLE = "CSV with a header row, UTF-8"
FEATURES = "GeoJSON FeatureCollection (RFC 7946)"
GroupBy = Annotated[list[str] | None, Query(alias="groupBy", examples=["month,kind"])]


def _place_key(group_by: tuple[str, ...], keys: tuple[str, ...]) -> str:
    found = next((key for key in keys if key in group_by), None)
    if found is None:
        raise ValidationFailed(
            f"a map needs a place: group by {' or '.join(keys)}", location=Location(field="groupBy")
        )
    return found


@router.get(
    "/region-engagements.csv",
    summary="The flagship answer as CSV",
    description="One row per region, in the order of GraphQL `regionEngagements`: "
    + ", ".join(answers.ENGAGEMENT_COLUMNS)
    + ". List cells join their values with '; '. "
    + FLAGSHIP_NOTE,
    response_class=StreamingResponse,
    responses=content("text/csv", CSV_TABLE),
)
async def region_engagements_csv(rows: FlagshipRows) -> StreamingResponse:
    table = answers.csv_of(answers.ENGAGEMENT_COLUMNS, map(answers.engagement_row, rows))
    return await streamed(table, CSV, "region-engagements.csv")


@router.get(
    "/region-engagements.geojson",
    summary="The flagship answer as GeoJSON",
    description="A Point feature per region at its administrative centre, with the CSV's columns as "
    "properties. " + FLAGSHIP_NOTE,
    response_class=StreamingResponse,
    responses=content("application/geo+json", FEATURES),
)
async def region_engagements_geojson(rows: FlagshipRows) -> StreamingResponse:
    return await streamed(answers.geojson_of(rows, lambda row: row.region, answers.engagement_row), GEOJSON)


@router.get(
    "/event-stats.csv",
    summary="Event counts per group as CSV",
    description="GraphQL `eventStats` as a table: the keys grouped by (a place as id, name and ISO code; "
    "a period as label, first and last day), then count, agreement_count and contract_value_usd. "
    + STATS_NOTE,
    response_class=StreamingResponse,
    responses=content("text/csv", CSV_TABLE),
)
async def event_stats_csv(
    store: StoreDep, filters: ExportFilter, group_by: GroupBy = None, legs: bool = False
) -> StreamingResponse:
    keys = parse_kinds(group_by)
    buckets = await event_stats(store, filters, keys, legs=legs)
    rows = (answers.event_bucket_row(bucket, keys) for bucket in buckets)
    return await streamed(answers.csv_of(answers.event_stats_columns(keys), rows), CSV, "event-stats.csv")


@router.get(
    "/event-stats.geojson",
    summary="Event counts per place as GeoJSON",
    description="GraphQL `eventStats` on a map: `groupBy` must hold region or country; a Point feature "
    "per bucket at that place's centre, the CSV's columns as properties (buckets without a place are "
    "only in the CSV). " + STATS_NOTE,
    response_class=StreamingResponse,
    responses=content("application/geo+json", FEATURES),
)
async def event_stats_geojson(
    store: StoreDep,
    filters: ExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["region,year"])] = None,
    legs: bool = False,
) -> StreamingResponse:
    keys = parse_kinds(group_by)
    place = _place_key(keys, ("region", "country"))
    buckets = await event_stats(store, filters, keys, legs=legs)
    features = answers.geojson_of(
        buckets, lambda bucket: getattr(bucket, place), lambda b: answers.event_bucket_row(b, keys)
    )
    return await streamed(features, GEOJSON)


@router.get(
    "/agreement-stats.csv",
    summary="Agreement counts and values per group as CSV",
    description="GraphQL `agreementStats` as a table: the keys grouped by, then count, valued_count, "
    "sum, min, max (in value_currency) and sum_usd. " + AGREEMENT_STATS_NOTE,
    response_class=StreamingResponse,
    responses=content("text/csv", CSV_TABLE),
)
async def agreement_stats_csv(
    store: StoreDep,
    given: AgreementExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["party,currency"])] = None,
) -> StreamingResponse:
    keys = parse_kinds(group_by)
    buckets = await agreement_stats(store, given, keys)
    rows = (answers.agreement_bucket_row(bucket, keys) for bucket in buckets)
    table = answers.csv_of(answers.agreement_stats_columns(keys), rows)
    return await streamed(table, CSV, "agreement-stats.csv")


@router.get(
    "/agreement-stats.geojson",
    summary="Agreement values per region as GeoJSON",
    description="GraphQL `agreementStats` on a map: `groupBy` must hold region; a Point feature per "
    "bucket at the region's centre, the CSV's columns as properties. " + AGREEMENT_STATS_NOTE,
    response_class=StreamingResponse,
    responses=content("application/geo+json", FEATURES),
)
async def agreement_stats_geojson(
    store: StoreDep,
    given: AgreementExportFilter,
    group_by: Annotated[list[str] | None, Query(alias="groupBy", examples=["region"])] = None,
) -> StreamingResponse:
    keys = parse_kinds(group_by)
    _place_key(keys, ("region",))
    buckets = await agreement_stats(store, given, keys)
    features = answers.geojson_of(
        buckets, lambda bucket: bucket.region, lambda b: answers.agreement_bucket_row(b, keys)
    )
    return await streamed(features, GEOJSON)
