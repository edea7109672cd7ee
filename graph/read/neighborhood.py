"""What surrounds a node: the actors, events and agreements within a few hops, for a network view.

Breadth first, one round trip per hop (depth is at most 3) plus one for the relationships among the
nodes found, so the cost is bounded by the caps, not by how connected the start is.
"""

from __future__ import annotations

from datetime import date

from graph.errors import Location, NotFound, ValidationFailed
from graph.model.events import EVENT_KINDS
from graph.read.filters import check_date_range
from graph.read.subgraph import Subgraph, edge_of, node_of
from graph.store import GraphStore

MAX_DEPTH = 3
MAX_NODES = 150
MAX_EDGES = 600


async def neighborhood(
    store: GraphStore,
    id: str,
    depth: int = 1,
    kinds: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Subgraph:
    """The node `id` and what lies within `depth` hops; `kinds`, `start` and `end` filter the events
    passed through (actors and agreements always pass). `truncated` tells that a cap cut the answer."""
    event_kinds = _event_kinds(kinds)
    check_date_range(start, end)
    if not 1 <= depth <= MAX_DEPTH:
        raise ValidationFailed(
            f"depth must be between 1 and {MAX_DEPTH}, got {depth}", location=Location(field="depth")
        )
    centre = await store.read("neighborhood_centre", id=id)
    if not centre:
        raise NotFound(f"nothing in the graph has the id '{id}'", location=Location(field="id"))
    found = centre[:1]
    frontier = [centre[0]["key"]]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        room = MAX_NODES - len(found)
        hop = await store.read(
            "neighborhood",
            frontier=frontier,
            seen=[row["key"] for row in found],
            kinds=event_kinds,
            room=room + 1,
            **{"from": start, "to": end},
        )
        if len(hop) > room:
            truncated, hop = True, hop[:room]
        found += hop
        frontier = [row["key"] for row in hop]
    edges = await store.read("neighborhood_edges", keys=[row["key"] for row in found], limit=MAX_EDGES + 1)
    if len(edges) > MAX_EDGES:
        truncated, edges = True, edges[:MAX_EDGES]
    return Subgraph(
        nodes=[node_of(row) for row in found], edges=[edge_of(row) for row in edges], truncated=truncated
    )


def _event_kinds(kinds: list[str] | None) -> list[str] | None:
    if not kinds:
        return None
    wanted = [kind.strip().lower() for kind in kinds]
    unknown = [kind for kind in wanted if kind not in EVENT_KINDS]
    if unknown:
        raise ValidationFailed(
            f"unknown event kind(s) {', '.join(unknown)}; known: {', '.join(EVENT_KINDS)}",
            location=Location(field="kinds"),
        )
    return wanted
