"""The change feed: the :Load records (every load, unload and API mutation), oldest first.

A position in the feed is (at, id) of a record: the keyset of the paged `changes` list and of the poller
that pushes new records to subscribers. Records are written by other processes (the loader, other API
replicas), so the feed is read from the graph, never kept in memory as the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.read.pages import Page, PageRequest, encode_cursor
from graph.store import GraphStore

POLL_BATCH = 100
"""The most records one poll reads; a larger backlog is read over the next polls, in order."""


@dataclass(frozen=True, order=True)
class Position:
    at: datetime
    id: str

    @property
    def key(self) -> str:
        return f"{self.at.isoformat()}|{self.id}"

    @classmethod
    def of(cls, record: dict[str, Any]) -> Position:
        return cls(record["at"], str(record["id"]))

    @classmethod
    def parse(cls, key: str) -> Position:
        at, _, record_id = key.partition("|")
        try:
            moment = datetime.fromisoformat(at)
        except ValueError:
            raise ValidationFailed("not a cursor of this list", location=Location(field="after")) from None
        if moment.tzinfo is None or not record_id:
            raise ValidationFailed("not a cursor of this list", location=Location(field="after"))
        return cls(moment, record_id)


def check_moment(value: datetime | None, argument: str) -> datetime | None:
    """A client's DateTime argument: it must say its time zone (an instant, not a wall-clock time)."""
    if value is not None and value.tzinfo is None:
        raise ValidationFailed(
            f"{argument} needs a time zone, e.g. 2023-05-01T00:00:00Z", location=Location(field=argument)
        )
    return value


async def changes_page(store: GraphStore, since: datetime | None, page: PageRequest) -> Page:
    """A page of the :Load records with `at > since`, oldest first."""
    check_moment(since, "since")
    after = Position.parse(page.after) if page.after else None
    rows = await store.read(
        "read/changes_page",
        since=since,
        after_at=after.at if after else None,
        after_id=after.id if after else None,
        limit=page.first + 1,
        with_total=page.with_total,
    )
    found = [item["node"] for item in rows[0]["page"]]
    items = [(encode_cursor(Position.of(node).key), node) for node in found[: page.first]]
    return Page(items, rows[0]["total"], len(found) > page.first, after is not None)


async def latest_change(store: GraphStore) -> Position | None:
    """The newest record's position, None when nothing was ever loaded."""
    rows = await store.read("read/changes_latest")
    return Position(rows[0]["at"], rows[0]["id"]) if rows else None


async def changes_after(store: GraphStore, position: Position | None) -> list[dict[str, Any]]:
    """The records after `position` (all of them from the first when it is None), oldest first, at most
    POLL_BATCH."""
    rows = await store.read(
        "read/changes_after",
        after_at=position.at if position else None,
        after_id=position.id if position else "",
        limit=POLL_BATCH,
    )
    return [row["node"] for row in rows]
