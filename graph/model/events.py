"""Events, one class per kind. A new kind is one more class here and one more member of `Event`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from graph.model.base import Name, Record, Ref, Reference, Role, Target, Text, refs_in
from graph.model.dates import DateSpan
from graph.model.evidence import Evidenced
from graph.model.ids import EventId


class Participant(Record):
    actor: Ref
    role: Role


class EventBase(Evidenced):
    label: ClassVar[str]

    id: EventId
    kind: str
    title: Name
    summary: Text | None = None
    date: DateSpan
    participants: list[Participant] = Field(default_factory=list)
    places: list[Ref] = Field(default_factory=list)
    part_of: Ref | None = None
    """The trip (or larger event) this one is a leg of."""
    about: list[Ref] = Field(default_factory=list)

    def references(self) -> Iterator[Reference]:
        for index, participant in enumerate(self.participants):
            yield Reference(f"participants[{index}].actor", participant.actor, Target.ACTOR)
        yield from refs_in("places", self.places, Target.PLACE)
        if self.part_of:
            yield Reference("part_of", self.part_of, Target.EVENT)
        yield from refs_in("about", self.about, Target.ACTOR)
        yield from self.evidence_references()


class Visit(EventBase):
    """A trip; a trip to several places has one leg (a Visit with `part_of`) per place."""

    label = "Visit"
    kind: Literal["visit"]


class ContractSigning(EventBase):
    label = "ContractSigning"
    kind: Literal["contract_signing"]
    produced: list[Ref] = Field(default_factory=list)

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        yield from refs_in("produced", self.produced, Target.AGREEMENT)


class Ban(EventBase):
    label = "Ban"
    kind: Literal["ban"]


class Statement(EventBase):
    label = "Statement"
    kind: Literal["statement"]
    content: Text | None = None
    """What was said; the speaker's own words when the digest quotes them."""


class Meeting(EventBase):
    label = "Meeting"
    kind: Literal["meeting"]


class Publication(EventBase):
    label = "Publication"
    kind: Literal["publication"]


Event = Annotated[
    Visit | ContractSigning | Ban | Statement | Meeting | Publication, Field(discriminator="kind")
]
