"""A checksum of the whole graph: every node's labels and properties, every relationship's type, ends and
properties. Two graphs with the same checksum hold the same facts, whatever Neo4j's internal ids are, so a
test can tell that a rejected file or mutation left the graph exactly as it was.

Meant for the small graphs tests build (it reads every node into memory). `graph_checksum` takes the
project's async `GraphStore`; `graph_checksum_sync` a plain sync driver (tests that drive a live server from
synchronous code, such as the fuzz suite).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

import neo4j

from graph.store import GraphStore

# A node is known by its labels and properties, never by its element id: a node deleted and written back
# the same must not change the checksum. Relationships name their ends the same way.
NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties"
RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(r) AS properties,
       labels(a) AS start_labels, properties(a) AS start, labels(b) AS end_labels, properties(b) AS end
"""


def _plain(value: Any) -> Any:
    """A property value as JSON: temporal and spatial values by their ISO text, lists item by item."""
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return repr(value)  # keeps nan, inf and -0.0 apart from each other and from ints
    if isinstance(value, bytes):
        return value.hex()
    return f"{type(value).__name__}:{value.iso_format() if hasattr(value, 'iso_format') else value}"


def _node_key(labels: Iterable[str], properties: Mapping[str, Any]) -> str:
    return json.dumps([sorted(labels), _plain(dict(properties))], sort_keys=True, ensure_ascii=False)


def checksum(nodes: Iterable[Mapping[str, Any]], relationships: Iterable[Mapping[str, Any]]) -> str:
    """The checksum of the records of NODES and RELATIONSHIPS."""
    lines = sorted(_node_key(node["labels"], node["properties"]) for node in nodes)
    lines += sorted(
        json.dumps(
            [
                rel["type"],
                _plain(dict(rel["properties"])),
                _node_key(rel["start_labels"], rel["start"]),
                _node_key(rel["end_labels"], rel["end"]),
            ],
            sort_keys=True,
            ensure_ascii=False,
        )
        for rel in relationships
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return f"{len(lines)}:{digest.hexdigest()}"


async def graph_checksum(store: GraphStore) -> str:
    async with store.driver.session(database=store.database) as session:
        nodes = await (await session.run(NODES)).data()
        relationships = await (await session.run(RELATIONSHIPS)).data()
    return checksum(nodes, relationships)


def graph_checksum_sync(driver: neo4j.Driver, database: str) -> str:
    with driver.session(database=database) as session:
        nodes = session.run(NODES).data()
        relationships = session.run(RELATIONSHIPS).data()
    return checksum(nodes, relationships)
