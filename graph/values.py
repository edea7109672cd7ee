"""Neo4j's value types turned into plain Python ones at the store's edge, so no caller sees driver types.

A float that is not finite (Infinity, NaN) reads as None: the model never writes one (graph/model/numbers.py),
JSON and GraphQL have no such numbers, and an export must stay valid whatever another writer stored.
"""

from __future__ import annotations

import math
from typing import Any

from neo4j.graph import Node, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

_AS_IS = frozenset({str, int, bool, type(None)})


def plain(value: Any) -> Any:
    """One pass over a record value: driver types become Python ones, nodes and relationships their
    property maps. Dispatches on the exact type first: a flagship answer holds tens of thousands of values,
    and (unlike Record.data()) this walks them once."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is dict:  # a plain item is kept without a call: a page of events holds thousands of them
        return {key: item if type(item) in _AS_IS else plain(item) for key, item in value.items()}
    if kind is list:
        return [item if type(item) in _AS_IS else plain(item) for item in value]
    return _driver_value(value)


def _driver_value(value: Any) -> Any:
    if isinstance(value, Date | DateTime | Time):
        return value.to_native()
    if isinstance(value, Point):
        x, y = value[0], value[1]
        return {"lon": x, "lat": y}
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Node | Relationship | dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value
