"""What the layers of one HTTP request learn about it, for its log line and metrics (api.observability)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class RequestInfo:
    request_id: str
    route: str | None = None
    """The route template, when the request never reached the router (refused by admission control)."""
    graphql: bool = False
    """A GraphQL operation ran (or was refused by validation)."""
    operation: str | None = None
    """The operation's name as the client gave it (None: anonymous)."""
    queue_seconds: float | None = None
    """Time spent waiting for an admission slot."""


current_request: ContextVar[RequestInfo | None] = ContextVar("kg_request", default=None)
