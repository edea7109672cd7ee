"""GraphStore: the only code that talks to Neo4j. Async, narrow, and ignorant of HTTP and GraphQL."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Sequence,
)
from contextlib import asynccontextmanager, contextmanager
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncTransaction,
    Query,
    unit_of_work,
)
from neo4j import Record as Neo4jRecord
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph import telemetry
from graph.errors import QueryTimeout, Unavailable
from graph.queries import as_one_map, cypher, planned_once, planned_to_keep
from graph.settings import Settings
from graph.store_types import Batch, Batches, Record, StreamingReader, Timeouts, WriteSummary
from graph.values import plain

T = TypeVar("T")


log = logging.getLogger(__name__)

FIRST_BACKOFF = 0.2
"""Seconds before the first retry of a read or write that hit a transient error; doubled each time, jittered
(`backoff`)."""
OUT_OF_MEMORY = "OutOfMemoryError"
"""How Neo4j's codes for a transaction over its memory limit end (TransactionOutOfMemoryError: the
transaction's own limit; MemoryPoolOutOfMemoryError: the server's pool for all of them)."""
MAX_BACKOFF = 10.0
ENGAGED_REFRESH = "engaged_refresh"
"""Every write transaction's last query: the ENGAGED links of the events its queries marked :EngagedStale,
written again (queries/engaged_refresh.cypher), so the flagship's index never lags the graph it indexes."""
EVERY_STALE = 2**62
"""The refresh's `limit` inside a write transaction: every event marked."""
EXPLAIN = "EXPLAIN "
"""Neo4j caches the plan an EXPLAIN makes under the statement's text without this prefix."""


class GraphStore:
    _round_trips = 0

    @property
    def round_trips(self) -> int:
        return self._round_trips

    @round_trips.setter
    def round_trips(self, value: int) -> None:
        if value > self._round_trips:
            telemetry.round_trip(value - self._round_trips)  # the request in progress counts them too
        self._round_trips = value

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeouts: Timeouts | None = None,
        write_retries: int = 8,
        read_retry_seconds: float = 5.0,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeouts = timeouts or Timeouts()
        self.write_retries = write_retries
        """How often `write_batches` retries a transaction that failed on a transient error (a deadlock)."""
        self.read_retry_seconds = read_retry_seconds
        """How long `read` sends a read again that failed on a transient error (KG_NEO4J_RETRY_SECONDS)."""
        self.round_trips = 0
        """Queries sent so far; tests and benchmarks read it to show N+1 does not happen."""
        self._fetch = unit_of_work(timeout=self.timeouts.query)(_fetch)

    @classmethod
    def from_settings(cls, settings: Settings, uri: str) -> GraphStore:
        auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
        driver = AsyncGraphDatabase.driver(
            uri,
            auth=auth,
            connection_timeout=settings.neo4j_connect_timeout,
            connection_acquisition_timeout=settings.neo4j_connect_timeout * 2,
            max_transaction_retry_time=settings.neo4j_retry_seconds,
            # Server notifications (e.g. "property key does not exist" before a first load) are advice
            # for query authors, not runtime events: keep them out of the logs.
            notifications_min_severity="OFF",
        )
        return cls(
            driver,
            settings.neo4j_database,
            Timeouts.of(settings),
            settings.write_retries,
            settings.neo4j_retry_seconds,
        )

    async def close(self) -> None:
        await self.driver.close()

    async def ping(self) -> str:
        """The server's Neo4j version; raises Unavailable at once when it does not answer (no retries),
        and within twice KG_NEO4J_CONNECT_TIMEOUT (a new connection: connect, log in, ask) when the
        server accepts connections but says nothing."""
        async with (
            self._answering(2 * self.timeouts.grace),
            self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session,
        ):
            result = await session.run(cypher("server_version"))
            record = await result.single(strict=True)
        return str(record["version"])

    async def read(self, query: str, **params: Any) -> list[Record]:
        """Run a named read query and return its records as dicts."""
        return await self._read(query, self.timeouts.query, params)

    async def load_read(self, query: str, **params: Any) -> list[Record]:
        """A read of the loader's (ids and names a file refers to): bounded by KG_LOAD_TIMEOUT, not by the
        API's query timeout, since a large file asks about many names in one query."""
        return await self._read(query, self.timeouts.load, params)

    async def _read(self, query: str, timeout: float, params: dict[str, Any]) -> list[Record]:
        """One auto-commit read: RUN and PULL sent together and answered together, one network round trip
        (a managed transaction takes two even with its BEGIN pipelined: BEGIN+RUN+PULL, then COMMIT, and
        Neo4j opens and commits a transaction for each). Every record is pulled at once (the records are
        collected anyway; the driver's default pulls a thousand per round trip). A read that fails on a
        transient error (a pooled connection the server closed, a leader switch) is sent again, as the
        driver's managed transactions retry it, for up to KG_NEO4J_RETRY_SECONDS; a read changes nothing,
        so sending it twice is safe. No bookmarks, as a plain session has none."""
        self.round_trips += 1
        text = Query(planned_once(query), timeout=timeout)
        parameters = as_one_map(params)
        started = time.monotonic()
        attempt = 0
        async with self._answering(timeout + self.timeouts.grace):
            while True:
                try:
                    async with self.driver.session(
                        database=self.database, default_access_mode=READ_ACCESS, fetch_size=-1
                    ) as session:
                        result = await session.run(text, parameters)
                        return [_plain_record(record) async for record in result]
                except (Neo4jError, DriverError) as exc:
                    attempt += 1
                    pause = backoff(attempt)
                    if not exc.is_retryable() or time.monotonic() + pause - started > self.read_retry_seconds:
                        raise
                    await asyncio.sleep(pause)

    async def plan(self, query: str) -> None:
        """Have Neo4j plan a named read as `read` sends it (`EXPLAIN`: planned and cached, not run), so the
        first request to send it does not wait for the planner. Not a round trip of any request: the
        counters that show N+1 does not happen leave it out. Raises like `read` when Neo4j fails."""
        text = EXPLAIN + planned_once(query)
        with _reachable():
            async with self.driver.session(
                database=self.database, default_access_mode=READ_ACCESS
            ) as session:
                result = await session.run(Query(text, timeout=self.timeouts.load), as_one_map({}))
                await result.consume()

    def load_reader(self) -> StreamingReader:
        """The loader's named reads outside any transaction, each an auto-commit read bounded by
        KG_LOAD_TIMEOUT, its records handed over as they arrive, its plan kept (`planned_to_keep`, the same
        text, hence the same cached plan, as inside the loader's transactions).

        For the matcher's candidate searches (graph/load/matching.py): inside a transaction that has written
        anything, even the one match-lock node, every index seek and expansion also consults the
        transaction's own changes, and the search costs ten to fifteen times the CPU it costs outside
        (0.13 against 2.0 CPU-s for 500 incoming events on a graph of 20,000)."""
        return _StoreReader(self)

    async def stream(self, query: str, **params: Any) -> AsyncIterator[Record]:
        """Yield a named read query's records as they arrive, for exports too large to hold.

        An auto-commit query (a managed transaction would buffer the whole result), so its access mode is
        said explicitly: with a `neo4j://` URI it is routed to a reader, like `read`. A server that answers
        nothing is Unavailable after the usual wait for the query's start; once rows flow, the transaction's
        timeout (KG_EXPORT_TIMEOUT) stops a slow query, but a server that hangs in the middle of an export
        leaves that download waiting (its response has begun).
        """
        query = planned_once(query)
        async for record in self._auto_read(query, params, self.timeouts.export, self.timeouts.query):
            yield record

    async def _auto_read(
        self, query: str, params: dict[str, Any], timeout: float, wait: float
    ) -> AsyncIterator[Record]:
        """An auto-commit read whose records are handed over as the driver fetches them (1,000 at a time).
        `wait` is how long the server may take to start answering; `timeout` bounds the transaction."""
        self.round_trips += 1
        with _reachable():
            async with self.driver.session(
                database=self.database, fetch_size=1000, default_access_mode=READ_ACCESS
            ) as session:
                async with self._answering(wait + self.timeouts.grace):
                    result = await session.run(Query(query, timeout=timeout), as_one_map(params))
                async for record in result:
                    yield _plain_record(record)

    async def stream_exact(self, query: str, **params: Any) -> AsyncIterator[Record]:
        """`stream`, but the values keep Neo4j's own types (neo4j.time.Date, neo4j.spatial.Point, ...): for
        a backup, which must give back exactly what it read."""
        self.round_trips += 1
        with _reachable():
            async with self.driver.session(
                database=self.database, fetch_size=1000, default_access_mode=READ_ACCESS
            ) as session:
                result = await session.run(cypher(query), params)
                async for record in result:
                    yield dict(zip(record.keys(), record.values(), strict=True))

    async def write_transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Run `work` in ONE write transaction: all it writes lands, or none of it. `work` runs named queries
        through the Transaction it receives; the driver runs it again, whole, after a transient error."""
        self.round_trips += 1

        async def managed(tx: AsyncManagedTransaction) -> T:
            answer = await work(Transaction(tx))
            await _fetch(tx, cypher(ENGAGED_REFRESH), {"limit": EVERY_STALE})
            return answer

        with _reachable():
            async with self.driver.session(database=self.database) as session:
                return await session.execute_write(managed)

    async def write(self, query: str, **params: Any) -> list[Record]:
        """Run a named write query in its own transaction."""
        self.round_trips += 1
        deadline = self.timeouts.query + self.timeouts.grace
        async with self._answering(deadline), self.driver.session(database=self.database) as session:
            return await session.execute_write(self._fetch, cypher(query), params)

    async def run_autocommit(self, query: str, **params: Any) -> None:
        """Run a named query outside a managed transaction (schema commands need this)."""
        with _reachable():
            async with self.driver.session(database=self.database) as session:
                result = await session.run(cypher(query), params)
                await result.consume()

    async def write_batches(
        self,
        batches: Batches | Callable[[], Batches] | Callable[[StreamingReader], Batches],
        *,
        timeout: float | None = None,
        reads: bool = False,
    ) -> WriteSummary:
        """Run every batch in ONE transaction: all of them land, or none does. The transaction may run
        `timeout` seconds (default: the loader's KG_LOAD_TIMEOUT; mutations pass the query timeout).

        A transaction that fails on a transient error (two writers deadlocked on shared nodes such as a :Day
        or an actor; Neo4j aborts one of them) is run again from the start, up to `write_retries` times after
        a jittered exponential backoff; then Unavailable. `batches` is a list, or a function that produces
        them again for each attempt, lazily, so a large file is streamed, not held in memory (a one-shot
        iterator is not retried: it could not be replayed).

        `reads`: `batches` is a function of a StreamingReader that runs named queries inside the transaction,
        so what the batches write can depend on what the transaction reads first (the loader's
        classification).
        """
        replayable = callable(batches) or isinstance(batches, Sequence)
        attempt = 0
        while True:
            try:
                return await self._write_once(batches, timeout, reads)
            except Neo4jError as exc:
                # Out of transaction memory is "transient" to Neo4j, but the same transaction would only
                # run out again: said at once (the loader names the file and the server setting).
                if not (replayable and exc.is_retryable()) or (exc.code or "").endswith(OUT_OF_MEMORY):
                    raise
                if attempt >= self.write_retries:
                    raise Unavailable(
                        f"Neo4j refused the write {attempt + 1} times as transient ({exc.code}: a deadlock "
                        "with another writer?); nothing was written, try again"
                    ) from exc
                attempt += 1
                pause = backoff(attempt)
                log.info("write retried in %.1fs (attempt %d) after %s", pause, attempt + 1, exc.code)
                await asyncio.sleep(pause)

    async def _write_once(self, make: Any, timeout: float | None, reads: bool) -> WriteSummary:
        summary = WriteSummary()
        self.round_trips += 1
        with _reachable():
            async with self.driver.session(database=self.database) as session:
                tx = await session.begin_transaction(timeout=timeout or self.timeouts.load)
                read = _TransactionReader(self, tx)
                # Every query planned once and kept (one map parameter, graph/queries.py `planned_to_keep`): a
                # list's size is part of a plan's cache key, and each file's reads and batches hand over lists
                # of other sizes (1-3 s of planning each).
                batches = (make(read) if reads else make()) if callable(make) else make
                try:
                    async for batch in _aiter(batches):
                        params = {**(batch.params or {}), "rows": batch.rows}
                        result = await tx.run(planned_to_keep(batch.query), as_one_map(params))
                        taken = {record["taken"] async for record in result} if batch.taken_by else set()
                        summary.add(batch, (await result.consume()).counters)
                        if batch.taken_by and taken:
                            rows = [row for row in batch.rows if row["id"] in taken]
                            again = as_one_map({**params, "rows": rows})
                            result = await tx.run(planned_to_keep(batch.taken_by), again)
                            summary.add_counters((await result.consume()).counters)
                    refresh = await tx.run(
                        planned_to_keep(ENGAGED_REFRESH), as_one_map({"limit": EVERY_STALE})
                    )
                    await refresh.consume()  # not in the summary: derived links, not what was asked
                    await tx.commit()
                finally:
                    if not tx.closed():
                        await tx.rollback()
        return summary

    @asynccontextmanager
    async def _answering(self, seconds: float) -> AsyncIterator[None]:
        """_reachable, and an answer within `seconds`: a server that accepts connections but never answers
        (hung, paused, a half-open connection) is Unavailable then, instead of holding the request."""
        try:
            async with asyncio.timeout(seconds):
                with _reachable():
                    yield
        except TimeoutError:
            telemetry.neo4j_error("unavailable")
            raise Unavailable(f"Neo4j did not answer within {seconds:g} s") from None


TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOut"
"""The code of a transaction Neo4j stopped at its timeout (and its variants, such as
...TimedOutClientConfiguration when the client set the timeout)."""


class _TransactionReader:
    """The StreamingReader of GraphStore.write_batches: named reads inside its transaction."""

    def __init__(self, store: GraphStore, tx: AsyncTransaction) -> None:
        self._store = store
        self._tx = tx

    async def __call__(self, query: str, **params: Any) -> list[Record]:
        return [record async for record in self.each(query, **params)]

    async def each(self, query: str, **params: Any) -> AsyncIterator[Record]:
        """The records as they arrive (the driver fetches them a thousand at a time). Read them to the end
        before the next query: the transaction runs one at a time, and would buffer the rest."""
        self._store.round_trips += 1
        result = await self._tx.run(planned_to_keep(query), as_one_map(params))
        async for record in result:
            yield _plain_record(record)


class _StoreReader:
    """The StreamingReader of GraphStore.load_reader: each named read its own auto-commit read."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store

    async def __call__(self, query: str, **params: Any) -> list[Record]:
        return [record async for record in self.each(query, **params)]

    async def each(self, query: str, **params: Any) -> AsyncIterator[Record]:
        store = self._store
        load = store.timeouts.load
        async for record in store._auto_read(planned_to_keep(query), params, load, load):
            yield record


class Transaction:
    """A transaction open inside GraphStore.write_transaction."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx

    async def run(self, query: str, **params: Any) -> list[Record]:
        """Run a named query and return its records as dicts."""
        return await _fetch(self._tx, cypher(query), params)


@contextmanager
def _reachable() -> Iterator[None]:
    """Driver errors that mean 'no database to talk to' become Unavailable (HTTP 503, GraphQL UNAVAILABLE);
    a transaction stopped at its timeout becomes QueryTimeout (HTTP 504, GraphQL TIMEOUT)."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired, OSError) as exc:
        telemetry.neo4j_error("unavailable")
        raise Unavailable(f"Neo4j is not reachable: {exc}") from exc
    except ClientError as exc:
        if (exc.code or "").startswith(TIMED_OUT):
            telemetry.neo4j_error("timeout")
            # What happened, for every caller: what to do about it is said where the error is mapped (the
            # API's answer to its client, api/errors.py; the loader's, graph/load/writer.py).
            raise QueryTimeout("the query ran longer than the server allows and was stopped") from exc
        telemetry.neo4j_error("other")
        raise
    except Neo4jError as exc:
        telemetry.neo4j_error(telemetry.error_kind(exc))
        raise


async def _fetch(tx: AsyncManagedTransaction, query: str, params: dict[str, Any]) -> list[Record]:
    result = await tx.run(query, params)
    return [_plain_record(record) async for record in result]


async def _aiter(items: Iterable[Batch] | AsyncIterable[Batch]) -> AsyncIterable[Batch]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item


def backoff(attempt: int) -> float:
    """Seconds to wait before retry number `attempt` (from 1): doubled each time up to MAX_BACKOFF, with
    jitter, so clients that failed together do not retry together."""
    return random.uniform(0.5, 1.0) * min(MAX_BACKOFF, FIRST_BACKOFF * 2.0 ** (attempt - 1))


def _plain_record(record: Neo4jRecord) -> Record:
    return {key: plain(value) for key, value in zip(record.keys(), record.values(), strict=True)}
