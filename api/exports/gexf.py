"""GEXF 1.3, the format Gephi opens: a directed graph with typed node and edge attributes."""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, AsyncIterator
from typing import Any
from xml.sax.saxutils import quoteattr

from graph.read.subgraph import GraphEdge, GraphNode

NODE_ATTRIBUTES = (
    ("kind", "string"),
    ("category", "string"),
    ("iso_code", "string"),
    ("start_date", "string"),
    ("end_date", "string"),
    ("date_precision", "string"),
    ("status", "string"),
    ("value_amount", "string"),
    ("value_currency", "string"),
    ("value_usd", "double"),
    ("lat", "double"),
    ("lon", "double"),
)
EDGE_ATTRIBUTES = (("type", "string"), ("role", "string"), ("side", "string"))

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _attr(value: Any) -> str:
    return quoteattr(_NOT_XML.sub("", str(value)))


def _declarations(kind: str, attributes: tuple[tuple[str, str], ...]) -> str:
    lines = "".join(f'<attribute id="{name}" title="{name}" type="{t}"/>' for name, t in attributes)
    return f'<attributes class="{kind}">{lines}</attributes>'


def _values(values: dict[str, Any], attributes: tuple[tuple[str, str], ...]) -> str:
    present = [(name, values[name]) for name, _ in attributes if values.get(name) is not None]
    if not present:
        return ""
    inner = "".join(f'<attvalue for="{name}" value={_attr(value)}/>' for name, value in present)
    return f"<attvalues>{inner}</attvalues>"


def node_element(node: GraphNode) -> str:
    values = {**node.properties, "kind": node.kind}
    location = node.properties.get("location")
    if isinstance(location, dict):
        values |= {"lat": location.get("lat"), "lon": location.get("lon")}
    body = _values(values, NODE_ATTRIBUTES)
    return f"<node id={_attr(node.id)} label={_attr(node.label)}>{body}</node>\n"


def edge_element(edge: GraphEdge) -> str:
    body = _values({**edge.properties, "type": edge.type}, EDGE_ATTRIBUTES)
    return (
        f"<edge id={_attr(edge.id)} source={_attr(edge.source)} target={_attr(edge.target)}"
        f" label={_attr(edge.type)}>{body}</edge>\n"
    )


async def gexf_document(
    nodes: AsyncIterable[GraphNode], edges: AsyncIterable[GraphEdge]
) -> AsyncIterator[str]:
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
        "<meta><creator>kg</creator><description>Actors, events and agreements</description></meta>\n"
        '<graph defaultedgetype="directed" mode="static">\n'
        f"{_declarations('node', NODE_ATTRIBUTES)}\n{_declarations('edge', EDGE_ATTRIBUTES)}\n<nodes>\n"
    )
    async for node in nodes:
        yield node_element(node)
    yield "</nodes>\n<edges>\n"
    async for edge in edges:
        yield edge_element(edge)
    yield "</edges>\n</graph>\n</gexf>\n"
