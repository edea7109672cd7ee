"""What each source said about a fact: its reports, their quotes and values, and the fact as its reports
stated it at a moment (asOf), reconciled by the loader's own rule (graph.load.reports.fact_row, which applies
graph.reports.reconcile).

A report's `record` is JSON written by the loader (graph.load.reports.record_json): `model`, the seed record
as that source gives it with references resolved to ids (dates as {start, end, precision}, money as
{amount, currency, usd}, participants as [{actor, role}]), and `evidence`, its quote rows
[{source, quote, start, end}].
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from graph.load.reports import StoredReport, fact_row
from graph.model.dates import DateSpan
from graph.model.money import Money
from graph.store import GraphStore

SECTIONS = {"event": "events", "agreement": "agreements", "office": "offices", "claim": "claims"}
"""Node kind -> the seed file section (and :Report.section) its reports come from."""


@dataclass(frozen=True)
class FactReport:
    """One report as clients see it: its node's properties, its source's, and its record parsed."""

    report: dict[str, Any]
    source: dict[str, Any]
    record: dict[str, Any]

    @property
    def model(self) -> dict[str, Any]:
        found: dict[str, Any] = self.record.get("model") or {}
        return found

    @property
    def props(self) -> dict[str, Any]:
        """The values this source gave, named as on a fact node (start_date, value_amount, ...)."""
        model = self.model
        props = {name: model.get(name) for name in ("kind", "title", "summary", "content", "status")}
        span = model.get("date")
        if isinstance(span, dict):
            props.update(
                start_date=span.get("start"), end_date=span.get("end"), date_precision=span.get("precision")
            )
        value = model.get("value")
        if isinstance(value, dict):
            usd = value.get("usd") or {}
            props.update(
                value_amount=value.get("amount"),
                value_currency=value.get("currency"),
                value_usd=value.get("amount") if value.get("currency") == "USD" else usd.get("amount"),
                usd_rate=usd.get("rate"),
                usd_rate_date=_day(usd.get("rate_date")),
            )
        return props

    @property
    def participants(self) -> list[tuple[str, str]]:
        """(actor id, role) as this source names them."""
        return [(str(p["actor"]), str(p["role"])) for p in self.model.get("participants") or []]

    @property
    def evidence(self) -> list[dict[str, Any]]:
        """This source's quote rows (source, quote, start, end)."""
        source = self.source.get("id")
        return [item for item in self.record.get("evidence") or [] if item.get("source") in (None, source)]


def parse_record(text: str | None) -> dict[str, Any]:
    """A report's record; an empty one when it is missing or not JSON (written by something else)."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


async def fact_reports(
    store: GraphStore, ids: list[str], as_of: datetime | None = None
) -> list[list[FactReport]]:
    """For each fact id, its live reports (or those live at `as_of`), oldest first: one round trip."""
    rows = await store.read("read/fact_reports", ids=ids, as_of=as_of)
    by_fact = {
        row["fact"]: [
            FactReport(item["report"], item["source"], parse_record(item["report"].get("record")))
            for item in row["reports"]
        ]
        for row in rows
    }
    return [by_fact.get(fact_id, []) for fact_id in ids]


async def sources_by_ids(store: GraphStore, ids: list[str]) -> list[dict[str, Any] | None]:
    found = {row["node"]["id"]: row["node"] for row in await store.read("read/sources_by_ids", ids=ids)}
    return [found.get(each) for each in ids]


@dataclass(frozen=True)
class DisputedValue:
    value: str
    sources: list[str]


@dataclass(frozen=True)
class FactDispute:
    field: str
    values: list[DisputedValue]


def disputes_of(props: dict[str, Any]) -> list[FactDispute]:
    """The fact's `disputes` property (JSON: [{field, values: [{value, sources}]}]) as values."""
    text = props.get("disputes")
    if not text or text == "[]":  # most facts: no JSON to parse (20 per page of events)
        return []
    items = json.loads(text) if isinstance(text, str) else text
    return [
        FactDispute(
            str(item["field"]),
            [
                DisputedValue(shown(value.get("value")), list(value.get("sources") or []))
                for value in item["values"]
            ],
        )
        for item in items
    ]


def shown(value: Any) -> str:
    """A reported value as text: text as it is, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _jsonable(value: Any) -> Any:
    if isinstance(value, DateSpan | Money):
        return _jsonable(value.model_dump(exclude_none=True))
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


# --- a fact as its reports stated it ---------------------------------------------------------------------


def overlaps(props: dict[str, Any], start: date | None, end: date | None) -> bool:
    """Whether a fact's date span (start_date..end_date; unknown counts as open) meets start..end."""
    first, last = props.get("start_date"), props.get("end_date")
    return (start is None or last is None or last >= start) and (end is None or first is None or first <= end)


@dataclass(frozen=True)
class FactAsOf:
    row: dict[str, Any]
    """The fact's row as the loader would have written it from those reports (graph.load.reports.fact_row):
    `props`, the links (`participants` [{target, role}], `places`, `part_of`, ...), `sources`."""

    @property
    def props(self) -> dict[str, Any]:
        props: dict[str, Any] = self.row["props"]
        return props

    @property
    def sources(self) -> list[str]:
        return list(self.row.get("sources") or [])

    def links(self, name: str) -> list[Any]:
        return list(self.row.get(name) or [])


async def facts_as_of(
    store: GraphStore, kind: str, as_of: datetime, ids: list[str] | None = None
) -> dict[str, FactAsOf]:
    """The facts of `kind` (event, agreement, ...) with at least one report live at `as_of`, each as those
    reports together stated it, by the loader's own rule; only `ids` when given. One round trip."""
    section = SECTIONS[kind]
    rows = await store.read("read/reports_as_of", section=section, as_of=as_of, ids=ids)
    by_fact: dict[str, dict[str, StoredReport]] = defaultdict(dict)
    for row in rows:
        # One live report per source and fact; should two overlap in time, the later-loaded one stands.
        by_fact[row["fact"]][row["source"]] = StoredReport(
            row["id"], row["fact"], row["source"], section, row["record"], row["loaded_at"]
        )
    facts: dict[str, FactAsOf] = {}
    for fact_id, reports in by_fact.items():
        last = max(report.loaded_at for report in reports.values())
        row = fact_row(section, fact_id, list(reports.values()), last)
        row["props"] = {key: value for key, value in row["props"].items() if not key.startswith("_")}
        facts[fact_id] = FactAsOf(row)
    return facts
