"""Agreements and contracts, with their value and the parties on each side."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from graph.model.base import Name, Record, Ref, Reference, Target
from graph.model.dates import DateSpan
from graph.model.decisions import check_own_decisions, own_decision_references
from graph.model.evidence import Evidenced
from graph.model.ids import AgreementId
from graph.model.money import Money

AgreementKind = Literal["contract", "memorandum", "agreement", "resolution", "plan"]
AgreementStatus = Literal["announced", "signed", "ratified", "in_force", "terminated"]
Side = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class Party(Record):
    actor: Ref
    side: Side


class Agreement(Evidenced):
    id: AgreementId
    kind: AgreementKind
    title: Name
    status: AgreementStatus
    date: DateSpan | None = None
    value: Money | None = None
    parties: list[Party] = Field(default_factory=list)
    same_as: Ref | None = None
    """The id of the agreement this record reports under another id (graph/model/decisions.py)."""
    not_same_as: list[Ref] = Field(default_factory=list)

    @model_validator(mode="after")
    def _own_decisions(self) -> Agreement:
        check_own_decisions(self.id, self.same_as, self.not_same_as)
        return self

    @property
    def labels(self) -> tuple[str, ...]:
        return ("Agreement",) if self.kind == "agreement" else ("Agreement", self.kind.capitalize())

    def references(self) -> Iterator[Reference]:
        for index, party in enumerate(self.parties):
            yield Reference(f"parties[{index}].actor", party.actor, Target.ACTOR)
        yield from own_decision_references(self.same_as, self.not_same_as, Target.AGREEMENT)
        yield from self.evidence_references()
