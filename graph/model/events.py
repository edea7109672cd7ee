"""Events, one class per kind. A new kind is one more class here and one more member of `Event`;
`EVENT_KINDS` (the vocabulary the API, its filters and `kg ingest` derive from) follows by itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field, ValidationInfo, field_validator, model_validator

from graph.model.base import Name, Record, Ref, Reference, Role, Target, Text, refs_in
from graph.model.dates import DateSpan
from graph.model.decisions import check_own_decisions, own_decision_references
from graph.model.evidence import Evidenced
from graph.model.ids import EventId
from graph.model.links import EventLink
from graph.model.money import Money


class Participant(Record):
    actor: Ref
    role: Role


class EventBase(Evidenced):
    label: ClassVar[str]
    roles: ClassVar[tuple[str, ...]] = ("participant",)
    """The roles its participants usually take (the first is the default); any role is accepted."""

    id: EventId
    kind: str
    title: Name
    summary: Text | None = None
    date: DateSpan
    participants: list[Participant] = Field(default_factory=list)
    places: list[Ref] = Field(default_factory=list)
    part_of: Ref | None = None
    """The trip (or larger event) this one is a leg of."""
    links: list[EventLink] = Field(default_factory=list)
    """Events this one follows up or responds to (graph/model/links.py; its trip is `part_of`)."""
    about: list[Ref] = Field(default_factory=list)
    same_as: Ref | None = None
    """The id of the event this record reports under another id: it becomes a report of that event."""
    not_same_as: list[Ref] = Field(default_factory=list)
    """Events the matcher must never propose as this one (graph/model/decisions.py)."""

    @field_validator("links")
    @classmethod
    def _not_itself(cls, links: list[EventLink], info: ValidationInfo) -> list[EventLink]:
        for index, link in enumerate(links):
            if link.event == info.data.get("id"):
                raise ValueError(f"links[{index}].event names the event itself ('{link.event}')")
        return links

    @model_validator(mode="after")
    def _own_decisions(self) -> EventBase:
        check_own_decisions(self.id, self.same_as, self.not_same_as)
        return self

    def references(self) -> Iterator[Reference]:
        for index, participant in enumerate(self.participants):
            yield Reference(f"participants[{index}].actor", participant.actor, Target.ACTOR)
        yield from refs_in("places", self.places, Target.PLACE)
        if self.part_of:
            yield Reference("part_of", self.part_of, Target.EVENT)
        for index, link in enumerate(self.links):
            yield Reference(f"links[{index}].event", link.event, Target.EVENT)
        yield from refs_in("about", self.about, Target.ACTOR)
        yield from own_decision_references(self.same_as, self.not_same_as, Target.EVENT)
        yield from self.evidence_references()


class Visit(EventBase):
    """A trip; a trip to several places has one leg (a Visit with `part_of`) per place."""

    label = "Visit"
    roles = ("visitor", "host", "head_of_delegation", "member")
    kind: Literal["visit"]


class ContractSigning(EventBase):
    label = "ContractSigning"
    roles = ("party", "signatory", "witness")
    kind: Literal["contract_signing"]
    produced: list[Ref] = Field(default_factory=list)

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        yield from refs_in("produced", self.produced, Target.AGREEMENT)


class Ban(EventBase):
    label = "Ban"
    roles = ("issuer", "target")
    kind: Literal["ban"]


class Statement(EventBase):
    label = "Statement"
    roles = ("speaker", "addressee")
    kind: Literal["statement"]
    content: Text | None = None
    """What was said; the speaker's own words when the digest quotes them."""


class Meeting(EventBase):
    label = "Meeting"
    roles = ("participant", "host", "organizer")
    kind: Literal["meeting"]


class Publication(EventBase):
    label = "Publication"
    roles = ("publisher", "author")
    kind: Literal["publication"]


class Appointment(EventBase):
    label = "Appointment"
    roles = ("appointee", "authority")
    kind: Literal["appointment"]


class Dismissal(EventBase):
    label = "Dismissal"
    roles = ("dismissed", "authority")
    kind: Literal["dismissal"]


class Detention(EventBase):
    """An arrest or detention."""

    label = "Detention"
    roles = ("detainee", "authority")
    kind: Literal["detention"]


class Penalty(EventBase):
    """What a court or authority imposes; `money` is the sum when there is one (a fine, damages)."""

    money: Money | None = None


class Sentence(Penalty):
    label = "Sentence"
    roles = ("defendant", "court")
    kind: Literal["sentence"]


class Fine(Penalty):
    label = "Fine"
    roles = ("target", "issuer", "court")
    kind: Literal["fine"]


class Sanction(EventBase):
    label = "Sanction"
    roles = ("issuer", "target")
    kind: Literal["sanction"]


class Expulsion(EventBase):
    label = "Expulsion"
    roles = ("issuer", "target")
    kind: Literal["expulsion"]


Event = Annotated[
    Visit
    | ContractSigning
    | Ban
    | Statement
    | Meeting
    | Publication
    | Appointment
    | Dismissal
    | Detention
    | Sentence
    | Fine
    | Sanction
    | Expulsion,
    Field(discriminator="kind"),
]

EVENT_CLASSES: tuple[type[EventBase], ...] = get_args(get_args(Event)[0])
EVENT_KINDS: tuple[str, ...] = tuple(get_args(c.model_fields["kind"].annotation)[0] for c in EVENT_CLASSES)
"""Every event kind, in declaration order: the one vocabulary of the graph, the API and `kg ingest`."""
EVENT_LABELS: dict[str, str] = {kind: c.label for kind, c in zip(EVENT_KINDS, EVENT_CLASSES, strict=True)}
EVENT_ROLES: dict[str, tuple[str, ...]] = {
    kind: c.roles for kind, c in zip(EVENT_KINDS, EVENT_CLASSES, strict=True)
}
