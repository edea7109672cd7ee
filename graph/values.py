"""Neo4j's value types turned into plain Python ones at the store's edge, so no caller sees driver types.

A float that is not finite (Infinity, NaN) reads as None: the model never writes one (graph/model/numbers.py),
JSON and GraphQL have no such numbers, and an export must stay valid whatever another writer stored.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from neo4j.graph import Node, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

_AS_IS = frozenset({str, int, bool, type(None)})


def plain(value: Any) -> Any:
    """One pass over a record value: driver types become Python ones, nodes and relationships their
    property maps. Dispatches on the exact type first: a flagship answer holds tens of thousands of values,
    and (unlike Record.data()) this walks them once.

    The driver's maps and lists are fresh for each record, so they are changed in place: an item that is
    already plain (most of them) is left where it is, and no container is built anew."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is dict:
        for key, item in value.items():
            if type(item) not in _AS_IS:
                value[key] = plain(item)  # the same key: the map does not change size while iterated
        return value
    if kind is list:
        for index, item in enumerate(value):
            if type(item) not in _AS_IS:
                value[index] = plain(item)
        return value
    if kind is float:
        return value if math.isfinite(value) else None
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


EVENT_DATES = ("start_date", "end_date")
"""The Date properties of an event, which the page queries and the flagship's return as ISO text."""


def dates_of(event: dict[str, Any]) -> None:
    """An event's dates, in place, from the ISO text the page queries and the flagship's return them as (a
    date-ordered key's date too: the cursor is text anyway): the driver's hydration of a Neo4j Date and
    its conversion cost about 5 µs each, `date.fromisoformat` a tenth of a microsecond."""
    for name in EVENT_DATES:
        value = event.get(name)
        if isinstance(value, str):
            event[name] = date.fromisoformat(value)
