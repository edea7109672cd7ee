"""Pushing new :Load records to this process's subscribers.

Loads, unloads and mutations commit in other processes (the `kg` CLI, other API replicas), so the only way
to hear of them is the graph itself. One poller task per process reads the :Load records after the last one
it saw, once every POLL_SECONDS, and hands each, in order, to every subscriber's queue: the cost is one
cheap indexed query a second however many clients listen. It starts with the first subscriber and stops
when the last one leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from graph.read.changes import POLL_BATCH, Position, changes_after, latest_change
from graph.store import GraphStore

POLL_SECONDS = 1.0
QUEUE_MAX = 1000
"""Records a subscriber may fall behind by; a client that reads slower than that is disconnected."""

log = logging.getLogger(__name__)


class SubscriberTooSlow(Exception):
    """The subscriber's queue overflowed: it missed records, so it must not go on as if it had them."""


class ChangeFeed:
    def __init__(self, store: GraphStore, interval: float = POLL_SECONDS) -> None:
        self.store = store
        self.interval = interval
        self._subscribers: set[asyncio.Queue[dict[str, Any] | None]] = set()
        self._task: asyncio.Task[None] | None = None
        self._position: Position | None = None
        self._starting = asyncio.Lock()

    @property
    def listening(self) -> int:
        return len(self._subscribers)

    async def subscribe(self) -> AsyncIterator[dict[str, Any]]:
        """Every record committed from now on, in order, until the caller stops iterating."""
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(QUEUE_MAX)
        async with self._starting:
            if self._task is None or self._task.done():
                self._position = await latest_change(self.store)
                self._task = asyncio.create_task(self._poll(), name="kg-change-feed")
            self._subscribers.add(queue)
        try:
            while True:
                record = await queue.get()
                if record is None:
                    raise SubscriberTooSlow(f"fell more than {QUEUE_MAX} changes behind; subscribe again")
                yield record
        finally:
            self._subscribers.discard(queue)
            if not self._subscribers and self._task is not None:
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task
                self._task = None

    async def _poll(self) -> None:
        while True:
            try:
                records = await changes_after(self.store, self._position)
            except Exception:  # Neo4j away for a moment: the subscribers wait, the feed resumes in order
                log.warning("change feed: polling the :Load records failed; retrying", exc_info=True)
                records = []
            for record in records:
                self._position = Position.of(record)
                for queue in list(self._subscribers):
                    try:
                        queue.put_nowait(record)
                    except asyncio.QueueFull:
                        self._subscribers.discard(queue)
                        queue.get_nowait()  # room for the sentinel that ends that subscription
                        queue.put_nowait(None)
            if len(records) < POLL_BATCH:
                await asyncio.sleep(self.interval)
