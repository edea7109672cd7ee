"""The values GraphStore takes and gives (a write's batches and their summary, its timeouts, the readers a
transaction hands to the loader), apart from the store itself so that the loader's modules name them without
the driver's session machinery."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from neo4j import SummaryCounters

from graph.settings import Settings

Record = dict[str, Any]
Batches = Iterable["Batch"] | AsyncIterable["Batch"]
Reader = Callable[..., Awaitable[list[Record]]]
"""Runs a named query inside a transaction: `await read(query, **params)`."""


@runtime_checkable
class StreamingReader(Protocol):
    """A Reader that also hands a result over as it arrives, `read.each(query, **params)`, for a result too
    large to hold (the loader's match candidates in a file whose events are all near one another)."""

    def __call__(self, query: str, **params: Any) -> Awaitable[list[Record]]: ...

    def each(self, query: str, **params: Any) -> AsyncIterator[Record]: ...


@dataclass(frozen=True)
class Batch:
    """One UNWIND write: a named query from queries/ and the rows it receives as `$rows`."""

    query: str
    rows: list[Mapping[str, Any]]
    params: Mapping[str, Any] | None = None
    taken_by: str | None = None
    """A query for the rows the first one leaves alone: it returns their ids as `taken`, and this one runs for
    them in the same transaction (the loader's fast path for new records hands over records another load
    wrote in the meantime)."""


@dataclass
class WriteSummary:
    batches: int = 0
    rows: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0

    def add(self, batch: Batch, counters: SummaryCounters) -> None:
        self.batches += 1
        self.rows += len(batch.rows)
        self.add_counters(counters)

    def add_counters(self, counters: SummaryCounters) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.properties_set += counters.properties_set


@dataclass(frozen=True)
class Timeouts:
    """How long Neo4j lets one transaction run before it stops it (seconds), and how much longer this side
    waits for an answer before it gives up on a server that says nothing at all (a hung or paused one)."""

    query: float = 10.0
    """reads, writes of mutations (KG_QUERY_TIMEOUT)"""
    export: float = 300.0
    """a streamed export, read while the client downloads it (KG_EXPORT_TIMEOUT)"""
    load: float = 600.0
    """one loader transaction: a whole file (KG_LOAD_TIMEOUT)"""
    grace: float = 5.0
    """beyond `query`, for the server's own timeout error to arrive (KG_NEO4J_CONNECT_TIMEOUT)"""

    @classmethod
    def of(cls, settings: Settings) -> Timeouts:
        return cls(
            settings.query_timeout,
            settings.export_timeout,
            settings.load_timeout,
            settings.neo4j_connect_timeout,
        )
