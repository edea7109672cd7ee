"""A piece of the graph as network libraries read it (Cytoscape.js, vis-network, d3-force)."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from graph.read import subgraph


@strawberry.type(
    description="A node: `kind` is the actor, event or agreement kind; `properties` are its own."
)
class GraphNode:
    id: strawberry.ID
    label: str
    kind: str
    properties: JSON = strawberry.field(
        description="The node's properties, its `category` (event, agreement, actor) and its `evidence`."
    )

    @classmethod
    def of(cls, node: subgraph.GraphNode) -> GraphNode:
        return cls(
            id=strawberry.ID(node.id), label=node.label, kind=node.kind, properties=JSON(node.properties)
        )


@strawberry.type(description="A relationship from `source` to `target`; `type` is its Neo4j type.")
class GraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    type: str
    properties: JSON

    @classmethod
    def of(cls, edge: subgraph.GraphEdge) -> GraphEdge:
        return cls(
            id=strawberry.ID(edge.id),
            source=strawberry.ID(edge.source),
            target=strawberry.ID(edge.target),
            type=edge.type,
            properties=JSON(edge.properties),
        )


@strawberry.type(description="Nodes and the edges among them; `truncated` when a size cap cut the answer.")
class Subgraph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool

    @classmethod
    def of(cls, graph: subgraph.Subgraph) -> Subgraph:
        return cls(
            nodes=[GraphNode.of(node) for node in graph.nodes],
            edges=[GraphEdge.of(edge) for edge in graph.edges],
            truncated=graph.truncated,
        )
