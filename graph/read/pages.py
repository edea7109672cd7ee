"""Keyset pagination: a cursor is the sort key of an item (its sort value and id), so a page stays right when
items are inserted between two requests (no duplicates, no gaps among the items that were there).

Pages go both ways (Relay): `first` items after a cursor, or the `last` items before one. A backward page is
the forward walk of the opposite order from the cursor, reversed: every list has a query for each direction
(`queries/read/<list>.cypher` and `<list>_desc.cypher`), so the direction is never text built at run time.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from json.encoder import encode_basestring_ascii as _json_text
from typing import Any

from graph.errors import Location, ValidationFailed

DEFAULT_PAGE = 20


@dataclass(frozen=True)
class PageRequest:
    first: int
    after: str | None
    """The decoded cursor to continue from (after it going forward, before it going backward)."""
    with_total: bool = True
    """Whether to count every match (only when the client asks for totalCount)."""
    order: str = "date"
    """The sort key's name (one the list's queries know: date, title, value, sources, name)."""
    descending: bool = False
    """The order the client asked for."""
    backward: bool = False
    """`last`/`before`: the `first` items before `after`, fetched in the opposite order then reversed."""

    @property
    def walks_descending(self) -> bool:
        """Whether the query to run walks in descending order (the `_desc` query file)."""
        return self.descending != self.backward

    def keyed_params(self) -> dict[str, Any]:
        """Parameters of the keyed page queries: the order, the cursor's key ([flag, value, id]) and the
        direction asked for. The flag puts items without a value last in either direction, so it depends
        on the direction asked, never on the one walked: a page backwards walks the same keys the other
        way."""
        return {
            "order": self.order,
            "after_key": (
                cursor_key(self.after, self.order, "before" if self.backward else "after")
                if self.after
                else None
            ),
            "limit": self.first + 1,  # one more than asked: whether another page follows
            "with_total": self.with_total,
            "descending": self.descending,
        }


@dataclass(frozen=True)
class Page:
    items: list[tuple[str, dict[str, Any]]]
    """(cursor, node properties) in order."""
    total: int
    has_next: bool
    has_previous: bool
    links: dict[str, dict[str, Any]] | None = None
    """What each item links to, by id, when the page query read its links too (events' selected links)."""
    owner: dict[str, Any] | None = None
    """The properties of the node the page belongs to, when the page query was asked to read it too (an
    actor's events: graph.read.lists.EventPageGroup.owner); None when not asked or not found."""


def page_request(
    first: int | None,
    after: str | None,
    maximum: int,
    with_total: bool = True,
    *,
    last: int | None = None,
    before: str | None = None,
    order: str = "date",
    descending: bool = False,
) -> PageRequest:
    """The page asked for: `first` (and `after`) or `last` (and `before`), never both directions."""
    if last is not None or before is not None:
        if first is not None or after is not None:
            raise ValidationFailed(
                "give first/after or last/before, not both", location=Location(field="last")
            )
        size = DEFAULT_PAGE if last is None else last
        argument, cursor = "last", before
    else:
        size = DEFAULT_PAGE if first is None else first
        argument, cursor = "first", after
    if not 1 <= size <= maximum:
        raise ValidationFailed(
            f"{argument} must be between 1 and {maximum}, got {size}", location=Location(field=argument)
        )
    where = "before" if argument == "last" else "after"
    decoded = decode_cursor(cursor, where) if cursor else None
    return PageRequest(size, decoded, with_total, order, descending, backward=argument == "last")


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str, argument: str = "after") -> str:
    try:
        return base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise _not_a_cursor(argument) from None


def _not_a_cursor(argument: str) -> ValidationFailed:
    return ValidationFailed(
        "not a cursor this API gave out (pass an edge's cursor or pageInfo.endCursor)",
        location=Location(field=argument),
    )


def key_cursor(order: str, key: list[Any]) -> str:
    """The cursor of an item of a keyed list: its order's name and its sort key [flag, value, id]. The
    common key (a flag, a text or none, an id) is written out without `json.dumps`, as the same text: a
    page of 100 events encodes 100 of them."""
    flag, value, item_id = key
    text = value.isoformat() if isinstance(value, date) else value
    if flag.__class__ is bool and item_id.__class__ is str and (text is None or text.__class__ is str):
        written = (
            f'{{"o":{_json_text(order)},"k":[{"true" if flag else "false"},'
            f"{'null' if text is None else _json_text(text)},{_json_text(item_id)}]}}"
        )
        return encode_cursor(written)
    return encode_cursor(json.dumps({"o": order, "k": [flag, text, item_id]}, separators=(",", ":")))


def cursor_key(decoded: str, order: str, argument: str = "after") -> list[Any]:
    """The sort key a keyed cursor stands for, typed as the query compares it; a cursor of another list or
    order is refused (its key would compare with nothing)."""
    try:
        given = json.loads(decoded)
        flag, value, item_id = given["k"]
        if given["o"] != order or not isinstance(flag, bool) or not isinstance(item_id, str):
            raise ValueError(order)
        wanted = {"date": str, "value": int | float, "sources": int, "title": str, "name": str}[order]
        if value is not None and not isinstance(value, wanted):
            raise ValueError(order)
        if order == "date" and value is not None:
            value = date.fromisoformat(str(value))
        return [flag, value, item_id]
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ValidationFailed(
            f"not a cursor of this list in {order} order (cursors are only valid with the orderBy they "
            "were given with)",
            location=Location(field=argument),
        ) from None


def keyed_page_of(row: dict[str, Any], request: PageRequest) -> Page:
    """A page from a keyed page query's row ({key: [flag, value, id], node}), in the order asked for."""
    rows = row["page"]
    items = [(key_cursor(request.order, item["key"]), item["node"]) for item in rows[: request.first]]
    more = len(rows) > request.first
    links = {item["node"]["id"]: item["links"] for item in rows if item.get("links") is not None} or None
    owner = row.get("owner")
    if request.backward:
        items.reverse()
        return Page(items, row["total"], request.after is not None, more, links, owner)
    return Page(items, row["total"], more, request.after is not None, links, owner)
