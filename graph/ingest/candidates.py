"""What the extractor proposes: plain data, independent of how it was found (rules or a model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

EventKind = str
"""One of graph.model's EVENT_KINDS (the model declares them; `kg ingest` follows)."""
Precision = Literal["day", "range", "month", "year"]
ActorKind = Literal["person", "organization", "country", "region", "city"]
PLACE_KINDS: frozenset[str] = frozenset({"country", "region", "city"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def distance(self, other: Span) -> int:
        if self.overlaps(other):
            return 0
        return other.start - self.end if self.end <= other.start else self.start - other.end


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    precision: Precision

    def __str__(self) -> str:
        if self.precision == "year":
            return f"{self.start.year}"
        if self.precision == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: DateSpan
    is_end_bound: bool = False
    """'until July 25th': closes a range whose start is another mention."""


@dataclass(frozen=True)
class MoneyMention:
    span: Span
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class ActorRef:
    """An actor as the draft will name it: a known id, or a proposal for a new one."""

    id: str
    name: str
    kind: ActorKind
    known: bool
    confidence: float = 1.0


@dataclass(frozen=True)
class Mention:
    span: Span
    candidates: tuple[ActorRef, ...]
    """Every actor the surface form can mean; the first is the best guess without context."""
    surface: str = ""
    seat: ActorRef | None = None
    """For a body named after its place ('the Hrodna Regional Court'): that place."""

    @property
    def best(self) -> ActorRef:
        return self.candidates[0]


@dataclass
class Participant:
    actor: ActorRef
    role: str


@dataclass
class Evidence:
    span: Span
    quote: str


@dataclass
class Candidate:
    kind: EventKind
    title: str
    date: DateSpan
    date_stated: bool
    participants: list[Participant] = field(default_factory=list)
    places: list[ActorRef] = field(default_factory=list)
    posts: list[ActorRef] = field(default_factory=list)
    """Places a post is at ('the ambassador to Sweden'): not where an appointment or dismissal happened,
    but what tells one decree's mentions from another's when they are merged."""
    money: MoneyMention | None = None
    content: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    review: list[str] = field(default_factory=list)
    """What an analyst should check, in plain words; becomes comments in the draft."""
    paragraph: int = 0
    sentence: int = 0
    named_by_noun: bool = False
    """Its trigger is a noun ('Meeting of the Council', 'Форум регионов'), not a verb that reports it."""
    shallow: bool = False
    """Found in a language the rules do not read fully (names, dates and money only)."""
    part_of: Candidate | None = None
    """The trip this event happened on (a signing during a visit)."""

    @property
    def actors(self) -> list[ActorRef]:
        return [p.actor for p in self.participants]
