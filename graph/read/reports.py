"""What each source said about a fact: its reports, their quotes and values, and the fact as its reports
stated it at a moment (asOf), reconciled with the one rule of graph.reports.reconcile.

A report's `record` is the loader's row for the fact as that source gives it, as JSON: `props` (the fact's
fields, dates as ISO text), the links (`participants` [{target, role}], `places`, `part_of`, `about`,
`produced`, `parties` [{target, side}], `person`, `of`) and `evidence` [{source, quote, start, end}].
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from graph.model.dates import DateSpan
from graph.model.money import Money, UsdValue
from graph.reports.reconcile import Reconciled, Report, reconcile
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
    def props(self) -> dict[str, Any]:
        found: dict[str, Any] = self.record.get("props") or {}
        return found


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
    items = json.loads(text) if isinstance(text, str) and text else (text or [])
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


# --- a fact as its reports stated it ---------------------------------------------------------------------


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _span(start: Any, end: Any, precision: Any) -> DateSpan | None:
    first, last = _day(start), _day(end)
    if first is None:
        return None
    return DateSpan(
        start=first, end=last or first, precision=precision or ("day" if last in (None, first) else "range")
    )


def _money(props: dict[str, Any]) -> Money | None:
    amount, currency = props.get("value_amount"), props.get("value_currency")
    if amount is None or not currency:
        return None
    usd = None
    if currency != "USD" and props.get("value_usd") is not None and props.get("usd_rate") is not None:
        usd = UsdValue(
            amount=Decimal(str(props["value_usd"])),
            rate=Decimal(str(props["usd_rate"])),
            rate_date=_day(props.get("usd_rate_date")) or date(2000, 1, 1),
        )
    return Money(amount=Decimal(str(amount)), currency=currency, usd=usd)


def reported_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The values a record states, in the types the reconciliation rule compares (spans, money, links as
    tuples of resolved ids)."""
    props: dict[str, Any] = dict(record.get("props") or {})
    fields: dict[str, Any] = {
        name: props.get(name)
        for name in ("kind", "title", "summary", "content", "status", "text", "property", "value")
        if name in props and not (name == "value" and "value_amount" in props)
    }
    if "start_date" in props or "end_date" in props:
        fields["date"] = _span(props.get("start_date"), props.get("end_date"), props.get("date_precision"))
    if "value_amount" in props:
        fields["value"] = _money(props)
    for name in ("places", "about", "produced"):
        if name in record:
            fields[name] = list(record[name] or [])
    if "part_of" in record:
        fields["part_of"] = (record["part_of"] or [None])[0]
    if "participants" in record:
        fields["participants"] = [(p["target"], p["role"]) for p in record["participants"] or []]
    if "parties" in record:
        fields["parties"] = [(p["target"], p.get("side")) for p in record["parties"] or []]
    return fields


def fact_props(fact_id: str, reconciled: Reconciled) -> dict[str, Any]:
    """The fact's node properties as the reconciled reports give them (what the loader would have written),
    with the report properties: source_count, first_reported, last_changed, disputed, disputes."""
    fields = reconciled.fields
    props: dict[str, Any] = {"id": fact_id}
    for name in ("kind", "title", "summary", "content", "status", "text", "property"):
        if fields.get(name) is not None:
            props[name] = fields[name]
    span = fields.get("date")
    if isinstance(span, DateSpan):
        props.update(start_date=span.start, end_date=span.end, date_precision=span.precision)
    value = fields.get("value")
    if isinstance(value, Money):
        props.update(value_amount=str(value.amount), value_currency=value.currency)
        usd = value.usd_amount
        if usd is not None:
            props["value_usd"] = float(usd)
        if value.usd is not None:
            props.update(usd_rate=str(value.usd.rate), usd_rate_date=value.usd.rate_date)
    elif value is not None:
        props["value"] = value
    props.update(
        source_count=reconciled.source_count,
        first_reported=reconciled.first_reported_at,
        last_changed=reconciled.last_reported_at,
        disputed=[dispute.field for dispute in reconciled.disputes],
        disputes=json.dumps(
            [
                {
                    "field": dispute.field,
                    "values": [
                        {"value": _jsonable(v.value), "sources": list(v.sources)} for v in dispute.values
                    ],
                }
                for dispute in reconciled.disputes
            ],
            ensure_ascii=False,
        ),
    )
    return props


def overlaps(props: dict[str, Any], start: date | None, end: date | None) -> bool:
    """Whether a fact's date span (start_date..end_date; unknown counts as open) meets start..end."""
    first, last = props.get("start_date"), props.get("end_date")
    return (start is None or last is None or last >= start) and (end is None or first is None or first <= end)


@dataclass(frozen=True)
class FactAsOf:
    props: dict[str, Any]
    reconciled: Reconciled
    records: dict[str, dict[str, Any]]
    """Source id -> the record that source gave."""


async def facts_as_of(
    store: GraphStore, kind: str, as_of: datetime, ids: list[str] | None = None
) -> dict[str, FactAsOf]:
    """The facts of `kind` (event, agreement, ...) with at least one report live at `as_of`, each as those
    reports together stated it; only `ids` when given. One round trip."""
    rows = await store.read("read/reports_as_of", section=SECTIONS[kind], as_of=as_of, ids=ids)
    by_fact: dict[str, dict[str, tuple[datetime, dict[str, Any]]]] = defaultdict(dict)
    for row in rows:
        # One live report per source and fact; should two overlap in time, the later-loaded one stands.
        by_fact[row["fact"]][row["source"]] = (row["loaded_at"], parse_record(row["record"]))
    facts: dict[str, FactAsOf] = {}
    for fact_id, reports in by_fact.items():
        reconciled = reconcile(
            Report(source, loaded_at, reported_fields(record))
            for source, (loaded_at, record) in reports.items()
        )
        records = {source: record for source, (_, record) in reports.items()}
        facts[fact_id] = FactAsOf(fact_props(fact_id, reconciled), reconciled, records)
    return facts
