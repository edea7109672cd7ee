"""One structured log line and the Prometheus counters for every HTTP request, with a request id.

An ASGI middleware outside everything else (admission included), so it sees the whole request: the time it
queued, the 503 of a full queue, and a streamed export until its last byte. What inner layers learn (the
GraphQL operation, the time queued) they write into the request's `RequestInfo`, a context variable.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.metrics import Metrics
from api.request_info import RequestInfo, current_request
from graph import telemetry

log = logging.getLogger("kg.request")

REQUEST_ID_HEADER = b"x-request-id"
_GOOD_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:/+=@-]{1,128}")
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
"""Probes and scrapes come every few seconds: logged at DEBUG, so the INFO log is the traffic."""


class Observability:
    def __init__(self, app: ASGIApp, *, metrics: Metrics | None, log_requests: bool) -> None:
        self.app = app
        self.metrics = metrics
        self.log_requests = log_requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        root_path = scope.get("root_path", "")
        info = RequestInfo(request_id=_request_id(scope))
        token = current_request.set(info)
        trips = telemetry.count_round_trips()
        status = 500  # what the client gets if the app raises before answering
        header = (REQUEST_ID_HEADER, info.request_id.encode())

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []), header]}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            current_request.reset(token)
            seconds = time.perf_counter() - started
            route = info.route or _route(scope, root_path)
            if self.metrics is not None:
                self.metrics.observe(route, scope["method"], status, seconds, info)
            if self.log_requests:
                self._log(scope, route, status, seconds, info, trips.count)

    def _log(
        self, scope: Scope, route: str, status: int, seconds: float, info: RequestInfo, round_trips: int
    ) -> None:
        level = logging.DEBUG if scope["path"] in QUIET_PATHS else logging.INFO
        if not log.isEnabledFor(level):
            return
        line = {
            "request_id": info.request_id,
            "method": scope["method"],
            "path": scope["path"],
            "route": route,
            "operation": info.operation[:100] if info.operation else None,
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
            "queue_ms": None if info.queue_seconds is None else round(info.queue_seconds * 1000, 1),
            "db_round_trips": round_trips,
        }
        log.log(level, json.dumps(line, ensure_ascii=False))


def _request_id(scope: Scope) -> str:
    """The caller's X-Request-ID when it is a plain token (so ids stay greppable and safe in logs)."""
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER:
            if _GOOD_REQUEST_ID.fullmatch(value):
                return str(value.decode("ascii"))
            break
    return uuid.uuid4().hex


def _route(scope: Scope, root_path: str) -> str:
    """The matched route's template (`/export/events.csv`, a mount's `/explore`), never the raw path, so
    labels stay bounded. FastAPI keeps the template of a route of an included router (its prefix added) in
    its resolved route context; a mount shows in the root path it extends."""
    context = scope.get("fastapi", {}).get("effective_route_context")
    for template in (getattr(context, "path_format", None), getattr(scope.get("route"), "path_format", None)):
        if isinstance(template, str) and template:
            return template
    mount = str(scope.get("root_path", ""))[len(root_path) :]
    return mount or "unmatched"
