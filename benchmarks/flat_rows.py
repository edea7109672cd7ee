"""The loader's rows, flattened into plain nodes and relationships, for the floor and naive baselines.

Both baselines write exactly the nodes and relationships the loader writes, with the same properties;
only how they write differs. Building these rows is not timed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.load.rows import Row

NODE_GROUPS = {
    "source": "Source",
    "actors": "Actor",
    "events": "Event",
    "agreements": "Agreement",
    "offices": "Office",
    "claims": "Claim",
}

TIME_NODES = (
    ("days", "Day", "date"),
    ("months", "Month", "month"),
    ("years", "Year", "year"),
    ("decades", "Decade", "decade"),
)
"""(row key, label, key property) of the time nodes events link to (graph/model/dates.py)."""


@dataclass
class FlatFile:
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Base label -> rows {id, labels, props}; time nodes (TIME_NODES) carry their key instead of an id."""
    relationships: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    """(start label, end label) -> rows {start, end, type, props}."""

    def node(self, label: str, row: dict[str, Any]) -> None:
        self.nodes.setdefault(label, []).append(row)

    def link(
        self,
        labels: tuple[str, str],
        start_id: Any,
        end_id: Any,
        kind: str,
        props: dict[str, Any] | None = None,
    ) -> None:
        row = {"start": start_id, "end": end_id, "type": kind, "props": props or {}}
        self.relationships.setdefault(labels, []).append(row)

    @property
    def rows(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.relationships.values()))


def flatten(rows: Iterator[tuple[str, Row]], time_seen: set[Any]) -> FlatFile:
    flat = FlatFile()
    for section, row in rows:
        label = NODE_GROUPS[section]
        flat.node(label, {"id": row["id"], "labels": [label, *row["labels"]], "props": row["props"]})
        for evidence in row.get("evidence", ()):
            flat.link(
                (label, "Source"),
                row["id"],
                evidence["source"],
                "EVIDENCE",
                {"quote": evidence["quote"], "start": evidence["start"], "end": evidence["end"]},
            )
        _links(flat, section, row, time_seen)
    return flat


def _links(flat: FlatFile, section: str, row: Row, time_seen: set[Any]) -> None:
    node_id = row["id"]
    if section == "actors":
        for target in row["parent"]:
            flat.link(("Actor", "Actor"), node_id, target, "IN")
        for target in row["country"]:
            flat.link(("Actor", "Actor"), node_id, target, "BELONGS_TO")
    elif section == "events":
        for participant in row["participants"]:
            role = {"role": participant["role"]}
            flat.link(("Event", "Actor"), node_id, participant["target"], "PARTICIPANT", role)
        for kind, targets, end in (
            ("IN_PLACE", row["places"], "Actor"),
            ("ABOUT", row["about"], "Actor"),
            ("PART_OF", row["part_of"], "Event"),
            ("PRODUCED", row["produced"], "Agreement"),
        ):
            for target in targets:
                flat.link(("Event", end), node_id, target, kind)
        for unit, label, key in TIME_NODES:
            for value in row[unit]:
                if (label, value) not in time_seen:
                    time_seen.add((label, value))
                    flat.node(label, {key: value, "labels": [label], "props": {key: value}})
                flat.link(("Event", label), node_id, value, "ON")
    elif section == "agreements":
        for party in row["parties"]:
            flat.link(("Agreement", "Actor"), node_id, party["target"], "PARTY", {"side": party["side"]})
    elif section == "offices":
        flat.link(("Office", "Actor"), node_id, row["person"], "HELD_BY")
        flat.link(("Office", "Actor"), node_id, row["of"], "OF")
        flat.link(("Actor", "Actor"), row["person"], row["of"], "HOLDS", row["holds"])
    elif section == "claims":
        for target in row["about"]:
            flat.link(("Claim", "Actor"), node_id, target, "ABOUT")
