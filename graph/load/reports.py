"""Reports: what one source says about one fact, and the fact's row reconciled from its live reports.

A fact (event, agreement, office, claim) is written from its live reports. A report keeps the record as its
file gives it, references resolved to ids (`record`, JSON: the model's fields and the evidence rows with their
offsets), so the fact can be rebuilt from its reports alone. One report: the fact's row is that report's row
(the loader's fast path, no reads). Several: `graph.reports.reconcile` decides the fields and disputes, and
the row's links carry the sources that assert each of them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from graph.load.rows import Row, record_row
from graph.model import LINK_TYPES, SECTIONS, SectionRecord, Target
from graph.reports.reconcile import Reconciled, Report, reconcile

FACT_SECTIONS = ("events", "agreements", "offices", "claims")
FACT_LABELS = {"events": "Event", "agreements": "Agreement", "offices": "Office", "claims": "Claim"}

_LINK_KEYS: dict[str, Callable[[Any], str]] = {
    "participants": lambda p: f"PARTICIPANT|{p.actor}|{p.role}",
    "places": lambda target: f"IN_PLACE|{target}|",
    "about": lambda target: f"ABOUT|{target}|",
    "produced": lambda target: f"PRODUCED|{target}|",
    "links": lambda link: f"{LINK_TYPES[link.kind]}|{link.event}|",
    "parties": lambda p: f"PARTY|{p.actor}|{p.side}",
}
"""List fields whose items are links, and the relationship key (rows.py) of an item."""


def report_id(fact: str, source: str, record_hash: str) -> str:
    digest = hashlib.blake2b(f"{fact}\x00{source}\x00{record_hash}".encode(), digest_size=16).hexdigest()
    return f"report:{digest}"


@dataclass(frozen=True)
class StoredReport:
    """A live report as the database holds it (or as this load is about to write it)."""

    id: str
    fact: str
    source: str
    section: str
    record: str
    loaded_at: datetime

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> StoredReport:
        return cls(row["id"], row["fact"], row["source"], row["section"], row["record"], row["loaded_at"])


def resolved(model: SectionRecord, resolve: Callable[[str, Target], str]) -> SectionRecord:
    """The record with every reference replaced by the id it stands for (names become ids): copies of the
    models on each changed reference's path, not validated again (an id a name resolves to is a valid
    reference; a record whose references are ids already is returned as it is)."""
    for reference in model.references():
        found = resolve(reference.value, reference.target)
        if found != reference.value:
            model = _replaced(model, _steps(reference.field), found)
    return model


def _replaced(value: Any, steps: Sequence[str | int], new: str) -> Any:
    """`value` with the item at `steps` (field names and list positions) set to `new`, copied on the way."""
    if not steps:
        return new
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        items = list(value)
        items[step] = _replaced(items[step], rest, new)
        return items
    return value.model_copy(update={step: _replaced(getattr(value, step), rest, new)})


def record_json(model: SectionRecord, evidence: Sequence[Mapping[str, Any]]) -> str:
    """A report's `record`: the resolved model's fields and the evidence rows (source, quote, offsets)."""
    body = {"model": model.model_dump(mode="json", exclude_none=True), "evidence": list(evidence)}
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def rebuilt_row(section: str, row: Row, remap: Mapping[str, str]) -> Row:
    """A fact record's row again, its id and its links to facts (`part_of`, `links`, `produced`) read through
    `remap` (record id -> the fact it reports): a record reported under another id becomes a report of that
    fact. The row keeps its own id as `_alias` when that changed; a same_as it fulfilled is dropped."""
    source, record = row["_report"]
    body = json.loads(record)
    data = body["model"]
    own = data["id"]
    data["id"] = remap.get(own, own)
    if data.get("same_as") is not None and remap.get(data["same_as"], data["same_as"]) == data["id"]:
        del data["same_as"]
    if data.get("part_of") in remap:
        data["part_of"] = remap[data["part_of"]]
    if "produced" in data:
        data["produced"] = [remap.get(each, each) for each in data["produced"]]
    if data.get("links"):
        links = [{**link, "event": remap.get(link["event"], link["event"])} for link in data["links"]]
        data["links"] = [link for link in links if link["event"] != data["id"]]  # two reports of one fact
    if data.get("not_same_as"):
        data["not_same_as"] = [each for each in data["not_same_as"] if each != data["id"]]
    model: SectionRecord = SECTIONS[section].validate_python(data)
    offsets = {(item["source"], item["quote"]): (item["start"], item["end"]) for item in body["evidence"]}

    def locate(quoted: str, quote: str) -> tuple[int, int] | None:
        start, end = offsets.get((quoted, quote), (None, None))
        return (start, end) if start is not None and end is not None else None

    rebuilt = record_row(model, lambda ref, _target: ref, locate, source)
    rebuilt["_report"] = (source, record_json(model, rebuilt["evidence"]))
    if data["id"] != own:
        rebuilt["_alias"] = row.get("_alias", own)
    return rebuilt


def single_report_props(row: Row, source: str, at: datetime | None) -> Row:
    """The fast path: a fact reported by one source is that report, undisputed. `at` None: its first_reported
    and last_changed are left to the write query's `$at` (the loader's, one value for a whole file, which
    costs the driver a conversion per datetime when sent on every row)."""
    row["props"].update(source_count=1, disputed=[], disputes="[]")
    if at is not None:
        row["props"].update(first_reported=at, last_changed=at)
    row["sources"] = [source]
    return row


def fact_row(section: str, fact: str, reports: Sequence[StoredReport], at: datetime) -> Row:
    """The fact's row (rows.py shape) from its live reports, with `sources` per link."""
    models = {report.source: _model(section, report.record) for report in reports}
    evidence: list[dict[str, Any]] = []
    for report in sorted(reports, key=lambda each: (each.loaded_at, each.source)):
        evidence.extend(json.loads(report.record)["evidence"])
    outcome = reconcile(Report.of(models[r.source], r.source, r.loaded_at) for r in reports)
    model = _reconciled_model(section, fact, outcome, evidence)
    offsets = {(item["source"], item["quote"]): (item["start"], item["end"]) for item in evidence}

    def locate(source: str, quote: str) -> tuple[int, int] | None:
        start, end = offsets.get((source, quote), (None, None))
        return (start, end) if start is not None and end is not None else None

    row = record_row(model, lambda ref, _target: ref, locate, None)
    link_sources: dict[str, list[str]] = {}
    for name, items in outcome.links.items():
        key_of = _LINK_KEYS.get(name)
        if key_of is not None:
            for item in items:
                link_sources[key_of(item.value)] = list(item.sources)
    row["sources"] = list(outcome.sources)
    row["link_sources"] = link_sources
    disputes = [
        {
            "field": dispute.field,
            "values": [
                {"value": _text(value.value), "sources": list(value.sources)} for value in dispute.values
            ],
        }
        for dispute in outcome.disputes
    ]
    row["props"].update(
        source_count=outcome.source_count,
        first_reported=outcome.first_reported_at,
        last_changed=at,
        disputed=[dispute.field for dispute in outcome.disputes],
        disputes=json.dumps(disputes, ensure_ascii=False),
    )
    return row


def _model(section: str, record: str) -> SectionRecord:
    model: SectionRecord = SECTIONS[section].validate_python(json.loads(record)["model"])
    return model


def _reconciled_model(
    section: str, fact: str, outcome: Reconciled, evidence: list[dict[str, Any]]
) -> SectionRecord:
    data: dict[str, Any] = {"id": fact}
    data.update({name: value for name, value in outcome.fields.items() if value is not None})
    data["evidence"] = [{"source": item["source"], "quote": item["quote"]} for item in evidence]
    adapter = SECTIONS[section]
    try:
        model: SectionRecord = adapter.validate_python(data)
    except ValueError:
        # Fields another kind has (a statement's content on a fact now shown as a meeting) do not fit.
        allowed = _fields_of_kind(section, data.get("kind"))
        model = adapter.validate_python({k: v for k, v in data.items() if k in allowed})
    return model


def _fields_of_kind(section: str, kind: object) -> set[str]:
    adapter = SECTIONS[section]
    for each in _union_members(adapter.core_schema):
        fields = getattr(each, "model_fields", {})
        annotation = fields.get("kind")
        if annotation is not None and kind in getattr(annotation.annotation, "__args__", ()):
            return set(fields)
    return {"id", "kind", "title", "date", "evidence"}


def _union_members(schema: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            cls = node.get("cls")
            if isinstance(cls, type) and issubclass(cls, BaseModel):
                found.append(cls)
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(schema)
    return found


def _text(value: Any) -> str:
    """A disputed value as JSON-ish text (dates and money as their fields)."""
    plain = to_jsonable_python(value, exclude_none=True)
    return plain if isinstance(plain, str) else json.dumps(plain, ensure_ascii=False, sort_keys=True)


def _steps(path: str) -> list[str | int]:
    """`participants[0].actor` as ['participants', 0, 'actor']."""
    steps: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        if name:
            steps.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            steps.append(int(index))
            rest = rest.removeprefix("[")
    return steps
