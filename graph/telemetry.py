"""What the store counts for observability: database errors by kind, and the round trips of the request in
progress. Plain counters here; api/metrics.py exports them to Prometheus, api/observability.py logs them."""

from __future__ import annotations

from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass

from neo4j.exceptions import Neo4jError

ERROR_KINDS = ("unavailable", "timeout", "other")
neo4j_errors: Counter[str] = Counter()
"""Errors the driver raised, by kind, since the process started (transient errors the driver retried
and then overcame are not errors here)."""


@dataclass
class RoundTrips:
    count: int = 0


_request_round_trips: ContextVar[RoundTrips | None] = ContextVar("kg_request_round_trips", default=None)


def count_round_trips() -> RoundTrips:
    """Count the store's round trips from here on in this context (one request); read `.count` at the end.

    A context variable holding a mutable counter: tasks the request spawns (DataLoader batches) copy the
    context and so add to the same counter."""
    counter = RoundTrips()
    _request_round_trips.set(counter)
    return counter


def round_trip(count: int = 1) -> None:
    counter = _request_round_trips.get()
    if counter is not None:
        counter.count += count


def error_kind(exc: Neo4jError) -> str:
    """`timeout` for a transaction stopped by its time limit, else `other` (unavailable is told apart by
    the driver's exception types, in graph.store)."""
    return "timeout" if "TransactionTimedOut" in (exc.code or "") else "other"


def neo4j_error(kind: str) -> None:
    neo4j_errors[kind] += 1
