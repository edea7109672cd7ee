"""Keyset pagination: a cursor is the opaque sort key of the last item seen, so a page stays right when
items are inserted between two requests (no duplicates, no gaps among the items that were there)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from graph.errors import Location, ValidationFailed

DEFAULT_PAGE = 20


@dataclass(frozen=True)
class PageRequest:
    first: int
    after: str | None
    """The decoded sort key to continue after."""
    with_total: bool = True
    """Whether to count every match (only when the client asks for totalCount)."""

    def params(self) -> dict[str, Any]:
        """Query parameters: one extra row is fetched to know whether another page follows."""
        return {"after": self.after, "limit": self.first + 1, "with_total": self.with_total}


@dataclass(frozen=True)
class Page:
    items: list[tuple[str, dict[str, Any]]]
    """(cursor, node properties) in order."""
    total: int
    has_next: bool
    has_previous: bool


def page_request(first: int | None, after: str | None, maximum: int, with_total: bool = True) -> PageRequest:
    size = DEFAULT_PAGE if first is None else first
    if not 1 <= size <= maximum:
        raise ValidationFailed(
            f"first must be between 1 and {maximum}, got {size}", location=Location(field="first")
        )
    return PageRequest(size, decode_cursor(after) if after else None, with_total)


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise ValidationFailed(
            "not a cursor this API gave out (pass an edge's cursor or pageInfo.endCursor)",
            location=Location(field="after"),
        ) from None


def page_of(row: dict[str, Any], request: PageRequest) -> Page:
    """A page from a page query's row: `total` and `page` (a list of {key, node}, one longer than asked)."""
    rows = row["page"]
    items = [(encode_cursor(item["key"]), item["node"]) for item in rows[: request.first]]
    return Page(items, row["total"], len(rows) > request.first, request.after is not None)
