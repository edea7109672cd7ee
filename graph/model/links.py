"""Links between events: the one vocabulary of how one event relates to another.

Each kind is one relationship type in the graph, pointing from the later or smaller event to the earlier or
larger one: `(leg)-[:PART_OF]->(trip)`, `(publication)-[:FOLLOWS]->(meeting)`,
`(reply)-[:RESPONSE_TO]->(act)`.
One type per kind reads best in Cypher (`MATCH (b)-[:FOLLOWS]->(a)`) and maps one-to-one onto a relationship
field of @neo4j/graphql-style clients. `part_of` is the trip relationship the model had before: a seed record
states it with its own `part_of` field (one trip per leg), the other kinds with `links`. The GraphQL enum, the
loader's validation and the read queries derive from `EVENT_LINK_KINDS`; tests/model/test_links.py checks that
every query listing event links names every type.

To add a kind: one more `LinkKind` here, and its type in the queries that test names.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import field_validator

from graph.model.base import Record, Ref


@dataclass(frozen=True)
class LinkKind:
    name: str
    """As seed files and the API write it: `follows`."""
    type: str
    """The relationship type in the graph: `FOLLOWS`."""
    forward: str
    """How the linking event relates to the linked one: "follows up"."""
    backward: str
    """The same link read from the linked event: "is followed up by"."""
    stated_by: str = "links"
    """The seed field that states it: `links`, or `part_of` for a trip's legs."""


LINK_KINDS: tuple[LinkKind, ...] = (
    LinkKind("part_of", "PART_OF", "is part of", "includes", stated_by="part_of"),
    LinkKind("follows", "FOLLOWS", "follows up", "is followed up by"),
    LinkKind("response_to", "RESPONSE_TO", "responds to", "is answered by"),
)
EVENT_LINK_KINDS: tuple[str, ...] = tuple(kind.name for kind in LINK_KINDS)
"""Every kind of link between events, in declaration order."""
LINK_TYPES: dict[str, str] = {kind.name: kind.type for kind in LINK_KINDS}
"""Kind -> relationship type."""
LINK_KIND_OF_TYPE: dict[str, LinkKind] = {kind.type: kind for kind in LINK_KINDS}
"""Relationship type -> its kind."""
STATED_LINK_KINDS: tuple[str, ...] = tuple(kind.name for kind in LINK_KINDS if kind.stated_by == "links")
"""The kinds a record's `links` may give."""


class EventLink(Record):
    """`{kind: follows, event: event:2023-02-02-...}`: the record's event follows up that event."""

    kind: str
    event: Ref

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value in STATED_LINK_KINDS:
            return value
        if value in LINK_TYPES:
            raise ValueError(f"'{value}' is not given in `links`: an event names its trip with `{value}:`")
        raise ValueError(f"unknown link kind '{value}'; one of {', '.join(STATED_LINK_KINDS)}")
