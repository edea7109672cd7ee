"""Admission control: at most N GraphQL requests run at once, the rest wait their turn in arrival order.

Without it a burst of clients runs all at once: Neo4j and the event loop share the CPU among every
request, each takes as long as the whole burst, and the largest ones time out at the client. Queued in
order, a request waits for the ones before it and then runs at full speed, so latency is predictable and
grows with the queue, not with what else is in flight. A request that waited KG_QUEUE_TIMEOUT seconds is
answered 503 with Retry-After (code UNAVAILABLE) instead of being left hanging.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.request_info import current_request

QUEUE_TIME_HEADER = b"server-timing"


@dataclass
class QueueStats:
    """How many requests wait and run now, for /metrics."""

    waiting: int = 0
    running: int = 0


class Admission:
    """ASGI middleware limiting concurrent executions of the GraphQL endpoint (`path`).

    Only operations queue: the GraphiQL page (a GET without `query`), health probes, exports and static
    files pass straight through.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        path: str,
        slots: asyncio.Semaphore,
        limit: int,
        timeout: float,
        stats: QueueStats | None = None,
    ) -> None:
        self.app = app
        self.stats = stats or QueueStats()
        self.path = path
        self.slots = slots
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._is_operation(scope):
            await self.app(scope, receive, send)
            return
        arrived = time.perf_counter()
        info = current_request.get()
        self.stats.waiting += 1
        try:
            async with asyncio.timeout(self.timeout):  # unlike wait_for, never loses a slot it got
                await self.slots.acquire()
        except TimeoutError:
            if info is not None:
                info.queue_seconds = time.perf_counter() - arrived
                info.route = self.path
            await self._busy(send)
            return
        finally:
            self.stats.waiting -= 1
        waited = time.perf_counter() - arrived
        if info is not None:
            info.queue_seconds = waited
        self.stats.running += 1
        try:
            await self.app(scope, receive, _with_queue_time(send, waited))
        finally:
            self.stats.running -= 1
            self.slots.release()

    def _is_operation(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["path"].rstrip("/") != self.path:
            return False
        return bool(scope["method"] == "POST" or b"query=" in scope.get("query_string", b""))

    async def _busy(self, send: Send) -> None:
        retry = max(1, math.ceil(self.timeout / 2))
        body = json.dumps(
            {
                "data": None,
                "errors": [
                    {
                        "message": f"The server is busy: {self.limit} requests are running and more are "
                        f"waiting. Retry in {retry} s.",
                        "extensions": {"code": "UNAVAILABLE", "retryAfter": retry},
                    }
                ],
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry).encode()),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _with_queue_time(send: Send, waited: float) -> Send:
    """Report the time spent queued as `Server-Timing: queue;dur=<ms>`, which browsers' dev tools show."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            timing = f"queue;dur={waited * 1000:.1f}".encode()
            message = {**message, "headers": [*message.get("headers", []), (QUEUE_TIME_HEADER, timing)]}
        await send(message)

    return sending
