"""A fact's own fields from its reports: one pure rule, the same answer for the same reports in any order.

A fact (event, agreement, office, claim) may be reported by several sources, each with its own value of each
field. `reconcile(reports)` decides what the fact says, and lists every disagreement as a dispute with the
sources behind each value, so nothing a source said is dropped. It touches no database and reads no clock.

Reports are taken in *report order*: earliest `loaded_at` first, then source id. That order breaks ties and
orders every list in the result; the order the reports are passed in never matters. A field a report leaves
empty (None, or an empty list) is not a disagreement: that report says nothing about it.

The rule, by the type of the values given:

- **Date spans** (`DateSpan`: an event's or agreement's `date`, an office's `start`/`end`): when the spans
  overlap, the fact takes the narrowest span every report allows, their intersection. Its precision is that
  of a report whose span it equals (day, then month, then year, then range), else `day` for one day and
  `range` for more. Spans that overlap are not disputed even when they differ: a range and a day inside it
  agree. When they do not all overlap, the field is disputed and the fact takes their **hull** (first day any
  report gives to last day any report gives, precision `range`). The hull, not the earliest-loaded report's
  span: it depends only on which reports are live, never on which arrived first, so loading A then B equals
  loading B then A and unloading a report restores exactly the earlier fact; and it keeps every day a source
  claims, so a date filter (a timeline, the flagship's from/to) still finds the event under any source's
  dating. The dispute and the `range` precision say it is uncertain.
- **Money** (`Money`, an agreement's `value`): two values agree when they are in the same currency with the
  same amount, or in different currencies with USD values (the amount itself for USD, else `usd.amount`)
  within `USD_TOLERANCE` (1%) of each other. Values without a USD value agree only with their own currency.
  Agreeing values form one group; groups are then ranked as other values are (below), and a group shows
  the value of its earliest report.
- **Lists** (participants, places, links, about, produced, parties): the union. Each item remembers which
  sources assert it (`Reconciled.links`), so retracting a report removes exactly what only it said. Items are
  compared as values: a participant is its (actor, role), so one actor in two roles is two links. Items must
  already be resolved to ids: "Lukashenka" and "person:alexander-lukashenka" are different values here.
- **Any other value** (kind, title, summary, content, status, part_of, a claim's text or value, an office's
  title): one distinct value is the fact's. Several are a dispute; the fact shows the value reported by the
  most sources, ties broken by the earliest report. Text is compared with runs of white space collapsed.

Disputes list every distinct value a source gave, with its sources in report order: for dates, spans by
number of sources, then earliest report; for other values the shown value first, then by group rank.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from graph.model.dates import DateSpan, Precision
from graph.model.money import USD_TOLERANCE, Money

NOT_REPORTED_FIELDS = frozenset({"id", "evidence", "same_as", "not_same_as"})
"""Record fields that are not the fact's values: the id names the fact, the evidence stays with its report,
and `same_as` / `not_same_as` are the analyst's matching decisions (graph/model/decisions.py)."""

_PRECISION_PREFERENCE: tuple[Precision, ...] = ("day", "month", "year", "range")

_Agreement = Callable[[Any, Any], bool]
"""Whether two distinct values of a field say the same thing (money in two currencies, for one)."""


@dataclass(frozen=True)
class Report:
    """What one source said about one fact: the source's id, when the report was loaded, its field values."""

    source: str
    loaded_at: datetime
    fields: Mapping[str, Any]

    def __post_init__(self) -> None:
        if self.loaded_at.tzinfo is None:
            raise ValueError(f"report from {self.source}: loaded_at {self.loaded_at} has no time zone")

    @classmethod
    def of(cls, record: BaseModel, source: str, loaded_at: datetime) -> Report:
        """A report of a model record's fields (all but id and evidence), values as the model holds them."""
        names = [name for name in type(record).model_fields if name not in NOT_REPORTED_FIELDS]
        return cls(source=source, loaded_at=loaded_at, fields={name: getattr(record, name) for name in names})

    @property
    def order(self) -> tuple[datetime, str]:
        return self.loaded_at, self.source


@dataclass(frozen=True)
class SourcedValue:
    """One value of a field and the sources that give it, in report order."""

    value: Any
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Dispute:
    """A field the reports disagree on, with every value given and its sources."""

    field: str
    values: tuple[SourcedValue, ...]


@dataclass(frozen=True)
class Reconciled:
    """The fact as its reports together state it."""

    fields: dict[str, Any]
    """Every field any report has: the reconciled value, None when no report states it; lists as lists."""
    links: dict[str, tuple[SourcedValue, ...]]
    """For each list field, each item with the sources that assert it, in order of first report."""
    disputes: tuple[Dispute, ...]
    """By field name."""
    sources: tuple[str, ...]
    """The reporting sources in report order."""
    first_reported_at: datetime
    last_reported_at: datetime

    @property
    def source_count(self) -> int:
        return len(self.sources)

    def dispute(self, name: str) -> Dispute | None:
        return next((each for each in self.disputes if each.field == name), None)


def reconcile(reports: Iterable[Report]) -> Reconciled:
    """The fact's fields and disputes from its live reports (at least one, at most one per source)."""
    ordered = sorted(reports, key=lambda report: report.order)
    if not ordered:
        raise ValueError("a fact needs at least one report to reconcile")
    sources = [report.source for report in ordered]
    duplicated = sorted({source for source in sources if sources.count(source) > 1})
    if duplicated:
        raise ValueError(f"one report per source and fact; several from {', '.join(duplicated)}")
    names = sorted({name for report in ordered for name in report.fields})
    fields: dict[str, Any] = {}
    links: dict[str, tuple[SourcedValue, ...]] = {}
    disputes: list[Dispute] = []
    for name in names:
        stated = [(report.source, report.fields.get(name)) for report in ordered]
        outcome = _reconcile_field(name, [(source, value) for source, value in stated if value is not None])
        fields[name] = outcome.value
        if outcome.links is not None:
            links[name] = outcome.links
        if outcome.dispute is not None:
            disputes.append(outcome.dispute)
    return Reconciled(
        fields=fields,
        links=links,
        disputes=tuple(disputes),
        sources=tuple(sources),
        first_reported_at=ordered[0].loaded_at,
        last_reported_at=max(report.loaded_at for report in ordered),
    )


@dataclass
class _Outcome:
    value: Any
    dispute: Dispute | None = None
    links: tuple[SourcedValue, ...] | None = None


@dataclass
class _Variant:
    """One distinct value of a field, as first reported, with every source that gives it."""

    value: Any
    rank: int
    """Position of its first report in report order."""
    sources: list[str] = field(default_factory=list)


def _reconcile_field(name: str, stated: Sequence[tuple[str, Any]]) -> _Outcome:
    """`stated`: (source, value) in report order, the reports that give this field a value."""
    if not stated:
        return _Outcome(None)
    values = [value for _, value in stated]
    if all(isinstance(value, list | tuple) for value in values):
        return _union(stated)
    if any(isinstance(value, list | tuple) for value in values):
        raise TypeError(f"field '{name}': some reports give a list and others a single value")
    if all(isinstance(value, DateSpan) for value in values):
        return _spans(name, stated)
    if all(isinstance(value, Money) for value in values):
        return _scalars(name, stated, agree=_same_money)
    if any(isinstance(value, DateSpan | Money) for value in values):
        raise TypeError(f"field '{name}': reports give values of different types ({_type_names(values)})")
    return _scalars(name, stated, agree=None)


def _variants(stated: Sequence[tuple[str, Any]]) -> list[_Variant]:
    """Distinct values in order of first report."""
    by_key: dict[Hashable, _Variant] = {}
    for rank, (source, value) in enumerate(stated):
        variant = by_key.setdefault(_key(value), _Variant(value=value, rank=rank))
        variant.sources.append(source)
    return sorted(by_key.values(), key=lambda variant: variant.rank)


def _union(stated: Sequence[tuple[str, Any]]) -> _Outcome:
    items = [(source, item) for source, values in stated for item in values if item is not None]
    variants = _variants(items)
    links = tuple(SourcedValue(variant.value, tuple(dict.fromkeys(variant.sources))) for variant in variants)
    return _Outcome([variant.value for variant in variants], links=links)


def _spans(name: str, stated: Sequence[tuple[str, Any]]) -> _Outcome:
    spans: list[DateSpan] = [value for _, value in stated]
    first, last = max(span.start for span in spans), min(span.end for span in spans)
    if first <= last:
        return _Outcome(_span(first, last, spans))
    hull = _span(min(span.start for span in spans), max(span.end for span in spans), [])
    variants = sorted(_variants(stated), key=lambda variant: (-len(variant.sources), variant.rank))
    return _Outcome(hull, dispute=_dispute(name, variants))


def _span(first: date, last: date, given: Sequence[DateSpan]) -> DateSpan:
    """The span first..last, with the most specific precision of a given span of exactly those bounds."""
    precisions = {span.precision for span in given if (span.start, span.end) == (first, last)}
    chosen = next((each for each in _PRECISION_PREFERENCE if each in precisions), None)
    precision: Precision = chosen or ("day" if first == last else "range")
    return DateSpan(start=first, end=last, precision=precision)


def _scalars(name: str, stated: Sequence[tuple[str, Any]], agree: _Agreement | None) -> _Outcome:
    variants = _variants(stated)
    groups = _groups(variants, agree) if agree else [[variant] for variant in variants]
    groups.sort(key=lambda group: (-sum(len(each.sources) for each in group), group[0].rank))
    shown = groups[0][0].value
    if len(groups) == 1:
        return _Outcome(shown)
    return _Outcome(shown, dispute=_dispute(name, [variant for group in groups for variant in group]))


def _groups(variants: list[_Variant], agree: _Agreement) -> list[list[_Variant]]:
    """Variants that agree with a group's first member (in a canonical order of values, never of reports)
    join it; each group lists its members in report order."""
    groups: list[list[_Variant]] = []
    for variant in sorted(variants, key=lambda each: _canonical(each.value)):
        group = next((group for group in groups if agree(group[0].value, variant.value)), None)
        if group is None:
            groups.append([variant])
        else:
            group.append(variant)
    for group in groups:
        group.sort(key=lambda variant: variant.rank)
    return groups


def _same_money(one: Money, other: Money) -> bool:
    if one.currency == other.currency:
        return one.amount == other.amount
    a, b = one.usd_amount, other.usd_amount
    if a is None or b is None:
        return False
    return abs(a - b) <= USD_TOLERANCE * max(a, b)


def _canonical(value: Any) -> tuple[Any, ...]:
    """An order of money values that ignores the reports: USD value (none last), currency, amount."""
    if isinstance(value, Money):
        usd = value.usd_amount
        return (usd is None, usd if usd is not None else Decimal(0), value.currency, value.amount)
    return (repr(_key(value)),)


def _dispute(name: str, variants: Sequence[_Variant]) -> Dispute:
    return Dispute(name, tuple(SourcedValue(variant.value, tuple(variant.sources)) for variant in variants))


def _key(value: Any) -> Hashable:
    """What makes two reported values the same value: text with white space collapsed, models by content."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, BaseModel):
        return (type(value).__name__, _key(value.model_dump()))
    if isinstance(value, Mapping):
        return tuple(sorted((str(key), _key(item)) for key, item in value.items()))
    if isinstance(value, list | tuple | set | frozenset):
        items = [_key(item) for item in value]
        return tuple(sorted(items, key=repr)) if isinstance(value, set | frozenset) else tuple(items)
    if isinstance(value, Hashable):
        return value
    raise TypeError(f"cannot compare reported values of type {type(value).__name__}")


def _type_names(values: Iterable[Any]) -> str:
    return ", ".join(sorted({type(value).__name__ for value in values}))
