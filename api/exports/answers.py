"""Answers as files: the flagship's rows and the aggregations' buckets as CSV, and as GeoJSON where a row
has a place (a Point at the region's or country's administrative centre, from the reference data)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from api.exports.csv_table import table
from api.exports.streaming import compact
from graph.model.dates import PERIODS
from graph.read.engagements import RegionEngagement
from graph.read.money import MoneyValue
from graph.read.stats import AgreementBucket, EventBucket, PeriodKey

Row = dict[str, Any]

ENGAGEMENT_COLUMNS = (
    "region_id",
    "region",
    "iso_code",
    "subject_kind",
    "through",
    "event_count",
    "events_about",
    "events",
    "contract_value",
    "contract_currency",
    "contract_value_usd",
)
"""One row per region of the flagship answer, in its order (largest contract value first)."""


def _money_cells(prefix: str, value: MoneyValue | None) -> Row:
    return {
        prefix: value.amount if value else None,
        f"{prefix.removesuffix('_value')}_currency": value.currency if value else None,
        f"{prefix}_usd": value.usd if value else None,
    }


def engagement_row(row: RegionEngagement) -> Row:
    region = row.region
    return {
        "region_id": region["id"],
        "region": region["name"],
        "iso_code": region.get("iso_code"),
        "subject_kind": region.get("subject_kind"),
        "through": row.through,
        "event_count": row.event_count,
        "events_about": row.events_about,
        "events": [event["id"] for _, event in row.events.items],  # every event: exports read unpaged
        **_money_cells("contract_value", row.contract_value),
    }


def _place_columns(key: str) -> tuple[str, ...]:
    return (f"{key}_id", key, f"{key}_iso_code") if key in ("country", "region") else (f"{key}_id", key)


def _key_columns(group_by: Sequence[str]) -> tuple[str, ...]:
    columns: list[str] = []
    for key in dict.fromkeys(group_by):
        if key in PERIODS:
            columns += ["period", "period_start", "period_end"]
        elif key in ("kind", "currency"):
            columns.append(key)
        else:
            columns += _place_columns(key)
    return tuple(columns)


def event_stats_columns(group_by: Sequence[str]) -> tuple[str, ...]:
    """The keys grouped by, in groupBy order, then the counts and the value."""
    return (*_key_columns(group_by), "count", "agreement_count", "contract_value_usd")


def agreement_stats_columns(group_by: Sequence[str]) -> tuple[str, ...]:
    return (
        *_key_columns(group_by),
        "count",
        "valued_count",
        "sum",
        "min",
        "max",
        "value_currency",
        "sum_usd",
    )


def _keys(bucket: EventBucket | AgreementBucket, group_by: Sequence[str]) -> Row:
    cells: Row = {}
    for key in dict.fromkeys(group_by):
        if key in PERIODS:
            period: PeriodKey | None = bucket.period
            cells.update(
                period=period.label if period else None,
                period_start=period.start if period else None,
                period_end=period.end if period else None,
            )
        elif key in ("kind", "currency"):
            cells[key] = getattr(bucket, key)
        else:
            props = getattr(bucket, key) or {}
            cells[f"{key}_id"] = props.get("id")
            cells[key] = props.get("name") or props.get("title")
            if key in ("country", "region"):
                cells[f"{key}_iso_code"] = props.get("iso_code")
    return cells


def event_bucket_row(bucket: EventBucket, group_by: Sequence[str]) -> Row:
    value = bucket.contract_value
    return {
        **_keys(bucket, group_by),
        "count": bucket.count,
        "agreement_count": bucket.agreement_count,
        "contract_value_usd": value.usd if value else None,
    }


def agreement_bucket_row(bucket: AgreementBucket, group_by: Sequence[str]) -> Row:
    total = bucket.sum
    return {
        **_keys(bucket, group_by),
        "count": bucket.count,
        "valued_count": bucket.valued_count,
        "sum": total.amount if total else None,
        "min": bucket.min.amount if bucket.min else None,
        "max": bucket.max.amount if bucket.max else None,
        "value_currency": total.currency if total else None,
        "sum_usd": total.usd if total else None,
    }


async def csv_of(columns: Sequence[str], rows: Iterable[Row]) -> AsyncIterator[str]:
    async for piece in table(columns, _aiter(rows)):
        yield piece


async def _aiter(rows: Iterable[Row]) -> AsyncIterator[Row]:
    for row in rows:
        yield row


def _point(place: dict[str, Any] | None) -> dict[str, Any] | None:
    location = (place or {}).get("location")
    return {"type": "Point", "coordinates": [location["lon"], location["lat"]]} if location else None


def _json_value(key: str, value: Any) -> Any:
    """Dates as ISO text; amounts as exact text, and USD values as numbers (as /export/places.geojson)."""
    if isinstance(value, list):
        return [_json_value(key, item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value) if key.endswith("usd") else str(value)
    return value


def _features(items: Iterable[tuple[dict[str, Any] | None, Row]]) -> Iterable[str]:
    separator = ""
    for place, properties in items:
        feature = {
            "type": "Feature",
            "id": (place or {}).get("id"),
            "geometry": _point(place),
            "properties": {key: _json_value(key, value) for key, value in properties.items()},
        }
        yield separator + compact(feature)
        separator = ","


async def geojson_of(
    items: Iterable[Any], place: Callable[[Any], dict[str, Any] | None], row: Callable[[Any], Row]
) -> AsyncIterator[str]:
    """A FeatureCollection: a feature per item that has a place, at the place's centre (a null geometry
    when the reference data gives none); items without a place are left out (they are in the CSV)."""
    yield '{"type":"FeatureCollection","features":['
    for piece in _features((place(item), row(item)) for item in items if place(item)):
        yield piece
    yield "]}\n"
