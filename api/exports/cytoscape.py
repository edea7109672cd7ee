"""Cytoscape.js elements JSON: `cytoscape({elements: ...})` and `cy.json({elements: ...})` read it as is."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from typing import Any

from api.exports.streaming import json_array_items
from graph.read.subgraph import GraphEdge, GraphNode


def node_data(node: GraphNode) -> dict[str, Any]:
    """A node's `data`: its properties flat, so selectors such as `node[kind = "visit"]` work."""
    return {**node.properties, "id": node.id, "label": node.label, "kind": node.kind}


def edge_data(edge: GraphEdge) -> dict[str, Any]:
    return {
        **edge.properties,
        "id": edge.id,
        "source": edge.source,
        "target": edge.target,
        "type": edge.type,
        "label": edge.type,
    }


async def cytoscape_elements(
    nodes: AsyncIterable[GraphNode], edges: AsyncIterable[GraphEdge]
) -> AsyncIterator[str]:
    yield '{"elements":{"nodes":['
    async for piece in json_array_items({"data": node_data(node)} async for node in nodes):
        yield piece
    yield '],"edges":['
    async for piece in json_array_items({"data": edge_data(edge)} async for edge in edges):
        yield piece
    yield "]}}\n"
