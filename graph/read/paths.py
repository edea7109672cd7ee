"""`connections`: how two actors are linked, through the events and agreements between them."""

from __future__ import annotations

from graph.errors import Location, ValidationFailed
from graph.read.names import resolve_actor
from graph.read.subgraph import Subgraph, edge_of, node_of
from graph.store import GraphStore

MAX_HOPS = 4
MAX_PATHS = 10


async def connections(store: GraphStore, start: str, end: str, max_hops: int) -> Subgraph:
    """Every shortest path (up to MAX_PATHS) of at most `max_hops` relationships, as nodes and edges."""
    if not 1 <= max_hops <= MAX_HOPS:
        raise ValidationFailed(
            f"maxHops must be between 1 and {MAX_HOPS}", location=Location(field="maxHops")
        )
    a = await resolve_actor(store, start, "from")
    b = await resolve_actor(store, end, "to")
    if a.id == b.id:
        raise ValidationFailed("'from' and 'to' name the same actor", location=Location(field="to"))
    rows = await store.read(
        "read/connections", **{"from": a.id, "to": b.id}, max_hops=max_hops, max_paths=MAX_PATHS + 1
    )
    if not rows:
        return Subgraph()
    return Subgraph(
        nodes=[node_of(row) for row in rows[0]["nodes"]],
        edges=[edge_of(row) for row in rows[0]["edges"]],
    )
