"""Is an incoming fact the same real-world fact as one already known under another id? One scoring rule.

`score(incoming, existing)` compares two events (`EventFacts`) or two agreements (`AgreementFacts`); a fact
is never compared with a fact of another section. Two events are compared by four things, each scored 0..1,
and weighed:

- **kind** (weight 0.10): 1 for the same kind, SAME_FAMILY (0.5) for two kinds of one family
  (graph/model/families.py); kinds of different families are never one event (score 0).
- **date** (0.35): 1 for the same span; overlapping spans give the narrower span's share of the wider one
  (a day inside a month is weak evidence, 26-28 April inside 26-29 April strong); day-precise dates at most
  NEAR_DAYS apart give up to 0.5; anything farther apart is never one event (score 0).
- **participants** (0.35): the actors shared / the smaller side's count; UNKNOWN (0.5) when a side names
  none; 0 when none is shared, and then the whole score is also multiplied by DISJOINT (two events with
  different people in them are two events, whatever the day and place).
- **places** (0.20): 1 for a place in common, INSIDE (0.8) when one lies in the other (the IN hierarchy),
  UNKNOWN when a side names none, 0 when both are known and apart, and then the whole score is also
  multiplied by DISJOINT (a visit to Irkutsk is not a visit to Novosibirsk).

Precision matters through the date part: only day-precise dates can be "near" without overlapping, and a
wide span (a month, a year) overlapping a day is the narrower span's share of it. A family's ceiling
(statements) caps the result. The score is the weighted sum, rounded to 3 places; `Match.evidence` says in
words what agreed and what did not, for `kg load`'s list and `kg review`.

Two agreements (the same contract reported by several sources, each under the id its draft made up) are
compared by five things, the date part and the parties part as above (participants are the parties):

- **kind** (AGREEMENT_WEIGHTS 0.10): 1 for the same kind, SAME_FAMILY for two kinds (a contract reported as
  an agreement): agreements are one family.
- **date** (0.20): as for events; a side without a date is UNKNOWN (agreements are often undated).
- **parties** (0.20): as participants; none shared multiplies the whole by DISJOINT.
- **produced by** (0.30): 1 when one signing event produced both (the strongest sign: the sources report one
  signing, whatever they call its contract), UNKNOWN when a side names no signing, 0 when both name different
  ones.
- **value** (0.20): the smaller amount's share of the larger in one currency (USD 12.5M and 13M: 0.96, a
  source rounding or converting); 0 below VALUE_APART (a factor of two: another contract), and then the whole
  is multiplied by DISJOINT; UNKNOWN when a side gives no value or the currencies differ without a USD amount
  for both.

What to do with a score is the settings' business: at or above `KG_MATCH_ATTACH` the incoming record
becomes a report of the existing fact, from `KG_MATCH_REVIEW` a candidate for review, below a new fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from graph.model.agreements import Agreement
from graph.model.events import EventBase
from graph.model.families import family_of

WEIGHTS: dict[str, float] = {"kind": 0.10, "date": 0.35, "participants": 0.35, "places": 0.20}
SAME_FAMILY = 0.5
"""The kind part for two kinds of one family (a visit and a meeting)."""
NEAR_DAYS = 3
"""Day-precise dates at most this many days apart may still be one event misdated by a source."""
INSIDE = 0.8
"""The places part when one place is inside the other (Novosibirsk in Novosibirsk Oblast in Russia)."""
UNKNOWN = 0.5
"""A part one side says nothing about: neither for nor against."""
DISJOINT = 0.5
"""The factor on the whole score when both sides name participants (or places) and share none."""
AGREEMENT_WEIGHTS: dict[str, float] = {
    "kind": 0.10,
    "date": 0.20,
    "parties": 0.20,
    "produced_by": 0.30,
    "value": 0.20,
}
VALUE_APART = 0.5
"""Two amounts in one currency whose smaller is less than this share of the larger are two contracts."""
ATTACH = 0.85
REVIEW = 0.5
"""The default thresholds (KG_MATCH_ATTACH, KG_MATCH_REVIEW in graph/settings.py)."""


@dataclass(frozen=True)
class EventFacts:
    """What the matcher compares of an event: resolved ids only, so names are already settled."""

    id: str
    kind: str
    start: date
    end: date
    precision: str = "day"
    participants: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    title: str = ""
    part_of: str | None = None
    """The trip this event is a leg of: the candidate search leaves the trip and its legs out."""

    @classmethod
    def of(cls, record: EventBase, resolve: Mapping[str, str] | None = None) -> EventFacts:
        """From a validated record; `resolve` maps the names it uses to actor ids (ids map to themselves)."""
        names = resolve or {}
        return cls(
            id=record.id,
            kind=record.kind,
            start=record.date.start,
            end=record.date.end,
            precision=record.date.precision,
            participants=frozenset(names.get(p.actor, p.actor) for p in record.participants),
            places=frozenset(names.get(p, p) for p in record.places),
            title=record.title,
            part_of=record.part_of,
        )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> EventFacts:
        """From a row of queries/match_event_candidates.cypher (or any row with the same keys)."""
        return cls(
            id=row["id"],
            kind=row["kind"],
            start=_as_date(row["start_date"]),
            end=_as_date(row["end_date"]),
            precision=row.get("precision") or "range",
            participants=frozenset(row.get("participants") or ()),
            places=frozenset(row.get("places") or ()),
            title=row.get("title") or "",
        )


@dataclass(frozen=True)
class AgreementFacts:
    """What the matcher compares of an agreement: resolved ids; `produced_by`: the signings it came of."""

    id: str
    kind: str
    start: date | None = None
    end: date | None = None
    precision: str = "day"
    parties: frozenset[str] = frozenset()
    produced_by: frozenset[str] = frozenset()
    amount: Decimal | None = None
    currency: str | None = None
    usd: float | None = None
    title: str = ""

    @classmethod
    def of(
        cls, record: Agreement, produced_by: Iterable[str] = (), resolve: Mapping[str, str] | None = None
    ) -> AgreementFacts:
        """From a validated record; `produced_by`: the events said to produce it; `resolve` as for events."""
        names = resolve or {}
        value = record.value
        usd = value.usd_amount if value else None
        return cls(
            id=record.id,
            kind=record.kind,
            start=record.date.start if record.date else None,
            end=record.date.end if record.date else None,
            precision=record.date.precision if record.date else "day",
            parties=frozenset(names.get(p.actor, p.actor) for p in record.parties),
            produced_by=frozenset(produced_by),
            amount=value.amount if value else None,
            currency=value.currency if value else None,
            usd=float(usd) if usd is not None else None,
            title=record.title,
        )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> AgreementFacts:
        """From a row of queries/match_agreement_candidates.cypher (or any row with the same keys)."""
        amount = row.get("value_amount")
        return cls(
            id=row["id"],
            kind=row["kind"],
            start=_as_date(row["start_date"]) if row.get("start_date") is not None else None,
            end=_as_date(row["end_date"]) if row.get("end_date") is not None else None,
            precision=row.get("precision") or "range",
            parties=frozenset(row.get("parties") or ()),
            produced_by=frozenset(row.get("produced_by") or ()),
            amount=Decimal(str(amount)) if amount is not None else None,
            currency=row.get("value_currency"),
            usd=row.get("value_usd"),
            title=row.get("title") or "",
        )


Facts = EventFacts | AgreementFacts
"""Whatever the matcher compares: an event or an agreement."""


@dataclass(frozen=True)
class Match:
    score: float
    evidence: list[str] = field(default_factory=list)
    """What agreed and what did not, one short sentence per part."""


def score(incoming: Facts, existing: Facts, within: Mapping[str, Iterable[str]] | None = None) -> Match:
    """How likely `incoming` and `existing` are one fact, 0..1, with the evidence.

    `within` maps a place id to the places it lies in (all levels: a city to its region and country); a
    place missing from it is only compared by id."""
    if isinstance(incoming, AgreementFacts) or isinstance(existing, AgreementFacts):
        if isinstance(incoming, AgreementFacts) and isinstance(existing, AgreementFacts):
            return _agreement_score(incoming, existing)
        return Match(0.0, ["an event and an agreement are never one fact"])
    family = family_of(incoming.kind)
    if existing.kind not in family.kinds:
        return Match(0.0, [f"kinds {incoming.kind} and {existing.kind} are never the same event"])
    parts, evidence = _kind_part(incoming.kind, existing.kind, f"kinds of one family ({family.name})")
    dated = _date_part(incoming, existing)
    if dated is None:
        return Match(0.0, [*evidence, f"dates too far apart: {_span(incoming)} and {_span(existing)}"])
    parts["date"], said = dated
    evidence.append(said)
    parts["participants"], said = _participants_part(incoming.participants, existing.participants)
    evidence.append(said)
    parts["places"], said = _places_part(incoming.places, existing.places, within or {})
    evidence.append(said)
    total = sum(WEIGHTS[name] * value for name, value in parts.items())
    for part, mine, theirs in (
        ("participants", incoming.participants, existing.participants),
        ("places", incoming.places, existing.places),
    ):
        if mine and theirs and parts[part] == 0:
            total *= DISJOINT
    if total > family.ceiling:
        total = family.ceiling
        evidence.append(f"{family.name}s are capped at {family.ceiling}: the analyst decides")
    return Match(round(total, 3), evidence)


def _kind_part(mine: str, theirs: str, related: str) -> tuple[dict[str, float], list[str]]:
    """The kind's part of a score (1 for the same kind, SAME_FAMILY for related ones), to start the parts
    and the evidence of both scores with."""
    if mine == theirs:
        return {"kind": 1.0}, [f"same kind: {mine}"]
    return {"kind": SAME_FAMILY}, [f"{related}: {mine}, {theirs}"]


def _agreement_score(incoming: AgreementFacts, existing: AgreementFacts) -> Match:
    """The agreements' part of `score` (see the module's docstring)."""
    parts, evidence = _kind_part(incoming.kind, existing.kind, "kinds of agreements")
    if incoming.start is None or existing.start is None:
        parts["date"] = UNKNOWN
        evidence.append("date: one side gives none")
    else:
        dated = _date_part(incoming, existing)
        if dated is None:
            return Match(0.0, [*evidence, f"dates too far apart: {_span(incoming)} and {_span(existing)}"])
        parts["date"], said = dated
        evidence.append(said)
    parts["parties"], said = _participants_part(incoming.parties, existing.parties, ("party", "parties"))
    evidence.append(said)
    parts["produced_by"], said = _produced_part(incoming.produced_by, existing.produced_by)
    evidence.append(said)
    parts["value"], said = _value_part(incoming, existing)
    evidence.append(said)
    total = sum(AGREEMENT_WEIGHTS[name] * value for name, value in parts.items())
    if incoming.parties and existing.parties and parts["parties"] == 0:
        total *= DISJOINT
    if parts["value"] == 0:
        total *= DISJOINT
    return Match(round(total, 3), evidence)


def _produced_part(a: frozenset[str], b: frozenset[str]) -> tuple[float, str]:
    if not a or not b:
        return UNKNOWN, "signing: one side names none"
    shared = a & b
    if shared:
        return 1.0, f"produced by the same signing: {', '.join(sorted(shared))}"
    return 0.0, f"produced by different signings: {', '.join(sorted(a))} and {', '.join(sorted(b))}"


def _value_part(a: AgreementFacts, b: AgreementFacts) -> tuple[float, str]:
    if a.amount is None or b.amount is None:
        return UNKNOWN, "value: one side gives none"
    if a.currency == b.currency:
        mine, theirs, unit = float(a.amount), float(b.amount), a.currency or ""
    elif a.usd is not None and b.usd is not None:
        mine, theirs, unit = a.usd, b.usd, "USD"
    else:
        return UNKNOWN, f"values in different currencies: {a.currency}, {b.currency}"
    said = f"{unit} {_amount(mine)} and {_amount(theirs)}"
    if mine == theirs:
        return 1.0, f"same value: {unit} {_amount(mine)}"
    low, high = sorted((abs(mine), abs(theirs)))
    share = low / high if high else 1.0
    if share < VALUE_APART:
        return 0.0, f"values apart: {said}"
    return share, f"values close: {said} ({share:.0%})"


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _date_part(a: Facts, b: Facts) -> tuple[float, str] | None:
    assert a.start and a.end and b.start and b.end
    if (a.start, a.end) == (b.start, b.end):
        return 1.0, f"same date: {_span(a)}"
    first, last = max(a.start, b.start), min(a.end, b.end)
    if first <= last:
        narrow = min(_days(a), _days(b))
        wide = max(_days(a), _days(b))
        share = narrow / wide
        return share, f"dates overlap: {_span(a)} and {_span(b)} ({share:.0%} of the wider span)"
    if a.precision == "day" and b.precision == "day":
        gap = (first - last).days
        if gap <= NEAR_DAYS:
            part = UNKNOWN * (1 - gap / (NEAR_DAYS + 1))
            return part, f"dates {gap} day{'s' if gap > 1 else ''} apart: {_span(a)} and {_span(b)}"
    return None


def _participants_part(
    a: frozenset[str], b: frozenset[str], nouns: tuple[str, str] = ("participant", "participants")
) -> tuple[float, str]:
    one, many = nouns
    if not a or not b:
        return UNKNOWN, f"{many}: one side names none"
    shared = a & b
    if not shared:
        return 0.0, f"no {one} in common"
    return len(shared) / min(len(a), len(b)), f"shared {many}: {', '.join(sorted(shared))}"


def _places_part(
    a: frozenset[str], b: frozenset[str], within: Mapping[str, Iterable[str]]
) -> tuple[float, str]:
    if not a or not b:
        return UNKNOWN, "places: one side names none"
    shared = a & b
    if shared:
        return 1.0, f"same place: {', '.join(sorted(shared))}"
    inside: list[str] = []
    for places, others in ((a, b), (b, a)):
        for place in sorted(places):
            containers = set(within.get(place, ()))
            inside += [f"{place} in {outer}" for outer in sorted(others) if outer in containers]
    if inside:
        return INSIDE, f"one place inside the other: {', '.join(inside)}"
    return 0.0, f"places apart: {', '.join(sorted(a))} and {', '.join(sorted(b))}"


def _days(facts: Facts) -> int:
    assert facts.start and facts.end
    return (facts.end - facts.start).days + 1


def _span(facts: Facts) -> str:
    if facts.start is None or facts.end is None:
        return "undated"
    if facts.start == facts.end:
        return facts.start.isoformat()
    return f"{facts.start.isoformat()}..{facts.end.isoformat()}"


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native else date.fromisoformat(str(value))
