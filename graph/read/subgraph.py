"""A piece of the graph as network-drawing libraries see it: nodes and edges with flat, JSON-ready data.

Shared by `neighborhood`, `connections` and the graph exports, so a node or an edge looks the same
wherever a front-end meets it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

HIDDEN_PROPERTIES = frozenset({"_hash"})
INDEXED_LINKS = frozenset({"PARTICIPANT", "IN_PLACE"})
"""Links that carry their actor's id and their event's start_date for the candidate search's index
(queries/load_events.cypher): copies of their endpoints' values, not shown on the edge."""
INDEX_PROPERTIES = frozenset({"actor", "start_date"})
CATEGORIES = ("Event", "Agreement", "Actor")
"""A node's category is the first of these labels it carries."""

JSON = Any


@dataclass(frozen=True)
class GraphNode:
    id: str
    label: str
    kind: str
    properties: dict[str, JSON]
    """The node's own properties, plus `category` (event, agreement, actor) and, where there is
    any, `evidence`: [{quote, source, title, url, publisher}]."""


@dataclass(frozen=True)
class GraphEdge:
    id: str
    source: str
    target: str
    type: str
    properties: dict[str, JSON]


@dataclass
class Subgraph:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    truncated: bool = False


def node_of(row: dict[str, Any]) -> GraphNode:
    """A node from a row with `labels`, `properties` and (optionally) `evidence`."""
    props = {k: json_ready(v) for k, v in row["properties"].items() if k not in HIDDEN_PROPERTIES}
    category = next((label for label in CATEGORIES if label in row["labels"]), row["labels"][0])
    props["category"] = category.lower()
    if row.get("evidence"):
        props["evidence"] = json_ready(row["evidence"])
    return GraphNode(
        id=str(props["id"]),
        label=str(props.get("name") or props.get("title") or props["id"]),
        kind=str(props.get("kind") or category.lower()),
        properties=props,
    )


def edge_of(row: dict[str, Any]) -> GraphEdge:
    """An edge from a row with `source`, `type`, `target` and `properties` (the relationship's)."""
    hidden = HIDDEN_PROPERTIES | INDEX_PROPERTIES if row["type"] in INDEXED_LINKS else HIDDEN_PROPERTIES
    props = {k: json_ready(v) for k, v in row["properties"].items() if k not in hidden}
    return GraphEdge(
        id=edge_id(row["source"], row["type"], row["target"], props),
        source=row["source"],
        target=row["target"],
        type=row["type"],
        properties=props,
    )


def edge_id(source: str, type_: str, target: str, props: dict[str, JSON]) -> str:
    """Readable and stable: the same relationship gets the same id in every answer and export.

    A role, side or office id tells apart two relationships of one type between the same two nodes.
    """
    detail = next((str(props[key]) for key in ("role", "side", "id") if props.get(key) is not None), None)
    parts = [source, type_, target, *([detail] if detail else [])]
    return "|".join(parts)


def json_ready(value: Any) -> JSON:
    """Plain values (as the store returns them) made JSON-serialisable: dates as ISO text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    return value
