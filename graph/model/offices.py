"""Offices held, and claims: the digest's own assertions that are not events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from graph.model.base import Name, Ref, Reference, Target, Text, refs_in
from graph.model.dates import DateSpan
from graph.model.evidence import Evidenced
from graph.model.ids import ClaimId, OfficeId
from graph.model.numbers import storable_number


class Office(Evidenced):
    """Who held which office of which organisation or place, from when to when (either may be unknown)."""

    id: OfficeId
    person: Ref
    title: Name
    of: Ref
    start: DateSpan | None = None
    end: DateSpan | None = None

    @model_validator(mode="after")
    def _start_before_end(self) -> Office:
        if self.start and self.end and self.end.end < self.start.start:
            raise ValueError(f"end {self.end.end} is before start {self.start.start}")
        return self

    def references(self) -> Iterator[Reference]:
        yield Reference("person", self.person, Target.PERSON)
        yield Reference("of", self.of, Target.OFFICE_HOLDER)
        yield from self.evidence_references()


PropertyName = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]*$")]


class Claim(Evidenced):
    id: ClaimId
    text: Text
    about: list[Ref] = Field(default_factory=list)
    property: PropertyName | None = None
    value: Annotated[int | float | Text | None, BeforeValidator(storable_number)] = None
    """A figure: a 64-bit integer, a finite number or text (a larger number is refused, not rounded)."""

    def references(self) -> Iterator[Reference]:
        yield from refs_in("about", self.about, Target.ACTOR)
        yield from self.evidence_references()
