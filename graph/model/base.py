"""What every record shares: unknown fields are errors, text is trimmed, and references are declared."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
"""A reference to another record: its id, or (for actors) any of its names and aliases."""
Role = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]

ACTOR_KINDS = frozenset({"person", "organization", "country", "region", "city"})
PLACE_KINDS = frozenset({"country", "region", "city"})


class Target(Enum):
    """What a reference may point at: how messages call it, and the record kinds allowed."""

    ACTOR = ("actor", "an actor", ACTOR_KINDS)
    PLACE = ("place", "a place (country, region or city)", PLACE_KINDS)
    PERSON = ("person", "a person", frozenset({"person"}))
    COUNTRY = ("country", "a country", frozenset({"country"}))
    OFFICE_HOLDER = ("organization or place", "an organization or a place", ACTOR_KINDS - {"person"})
    EVENT = ("event", "an event", frozenset({"event"}))
    AGREEMENT = ("agreement", "an agreement", frozenset({"agreement"}))
    SOURCE = ("source", "a source", frozenset({"source"}))

    def __init__(self, noun: str, description: str, kinds: frozenset[str]) -> None:
        self.noun = noun
        self.description = description
        self.kinds = kinds


class Reference(NamedTuple):
    field: str
    value: str
    target: Target


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def references(self) -> Iterator[Reference]:
        """Every field of this record that names another record (resolved by the loader)."""
        return iter(())


def refs_in(field: str, values: list[str], target: Target) -> Iterator[Reference]:
    for index, value in enumerate(values):
        yield Reference(f"{field}[{index}]", value, target)
