"""What changed: the :Load records as a paged list, and pushed to subscribers as they commit."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any

import strawberry

from api.schema.common import Connection, connection, wants_total
from api.schema.nodes import Ctx
from graph.errors import Unavailable
from graph.read.changes import changes_page
from graph.read.pages import page_request


@strawberry.type(
    description="One load, unload or API mutation, committed: who, when, which files, what it did."
)
class Change:
    id: strawberry.ID
    kind: str = strawberry.field(description="load, unload or mutation.")
    at: datetime = strawberry.field(description="When it committed.")
    by: str | None = strawberry.field(description="Who ran it: the OS user of a load, the API key's name.")
    files: list[str] = strawberry.field(description="The seed files it read (loads and unloads).")
    hashes: list[str] = strawberry.field(description="Their content hashes, in the order of `files`.")
    created: int = strawberry.field(description="Facts it created.")
    updated: int = strawberry.field(description="Facts whose fields it changed.")
    merged: int = strawberry.field(description="Reports it added to facts other sources had reported.")
    retracted: int = strawberry.field(description="Reports it withdrew.")
    unchanged: int = strawberry.field(description="Facts it was given again as they were.")

    @classmethod
    def of(cls, props: dict[str, Any]) -> Change:
        return cls(
            id=strawberry.ID(str(props["id"])),
            kind=str(props.get("kind") or props.get("op") or "load"),
            at=props["at"],
            by=props.get("by"),
            files=list(props.get("files") or ([props["file"]] if props.get("file") else [])),
            hashes=list(props.get("hashes") or ([props["sha256"]] if props.get("sha256") else [])),
            **{name: _count(props.get(name)) for name in COUNTS},
        )


def _count(value: Any) -> int:
    """A count; the loader's first change records listed the ids instead."""
    return len(value) if isinstance(value, list) else int(value or 0)


COUNTS = ("created", "updated", "merged", "retracted", "unchanged")


@strawberry.type
class ChangeQuery:
    @strawberry.field(
        description="Every load, unload and mutation, oldest first; `since` keeps those committed after it."
    )
    async def changes(
        self, info: Ctx, since: datetime | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Change]:
        page = page_request(first, after, info.context.settings.page_max, wants_total(info))
        result: Connection[Change] = connection(
            await changes_page(info.context.store, since, page), Change.of
        )
        return result


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Each load, unload or mutation as it commits, in order (over WebSocket, "
        "graphql-transport-ws on /graphql). Records are read from the graph about once a second."
    )
    async def changes(self, info: Ctx) -> AsyncGenerator[Change, None]:
        feed = info.context.change_feed
        if feed is None:
            raise Unavailable("the change feed runs only in the API server")
        async for record in feed.subscribe():
            yield Change.of(record)
