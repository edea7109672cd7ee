"""A seed file as a whole: its source and its sections of records (see seed_data/FORMAT.md)."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, TypeAdapter

from graph.model.actors import Actor, ActorBase
from graph.model.agreements import Agreement
from graph.model.decisions import Decision
from graph.model.events import Event, EventBase
from graph.model.evidence import Source
from graph.model.offices import Claim, Office


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Source | None = None
    actors: list[Actor] = []
    events: list[Event] = []
    agreements: list[Agreement] = []
    offices: list[Office] = []
    claims: list[Claim] = []
    decisions: list[Decision] = []
    """Analysts' matching decisions (graph/model/decisions.py)."""


SectionRecord = ActorBase | EventBase | Agreement | Office | Claim
"""Any record of a list section; each has an id."""

SECTIONS: dict[str, TypeAdapter[Any]] = {
    "actors": TypeAdapter(Actor),
    "agreements": TypeAdapter(Agreement),
    "events": TypeAdapter(Event),
    "offices": TypeAdapter(Office),
    "claims": TypeAdapter(Claim),
}
"""How to validate one record of each list section, in the order the loader writes them."""


def _kinds(union: Any) -> tuple[str, ...]:
    members = get_args(get_args(union)[0])
    return tuple(kind for member in members for kind in get_args(member.model_fields["kind"].annotation))


KINDS: dict[str, tuple[str, ...]] = {"actors": _kinds(Actor), "events": _kinds(Event)}
"""The `kind` values each list section with several record classes accepts."""
