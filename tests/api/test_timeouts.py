"""A query that runs too long is stopped by Neo4j at KG_QUERY_TIMEOUT (KG_EXPORT_TIMEOUT for exports,
KG_LOAD_TIMEOUT for the loader) and the client is told so with code TIMEOUT (HTTP 504), not an internal
error; a Neo4j that stops answering altogether is UNAVAILABLE within the timeout plus
KG_NEO4J_CONNECT_TIMEOUT instead of holding the request.

The slow query is the test's own Cypher (no product query is slow on a test graph): it stands in for a
named one through graph.store's `cypher`, `planned_once` (reads) and `planned_to_keep` (the loader's
transactions).
"""

from __future__ import annotations

import os
import signal
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

import graph.store as store_module
from api.app import create_app
from graph.errors import QueryTimeout
from graph.neo4j_server import server
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from graph.store import GraphStore
from graph.store_types import Batch
from tests.conftest import gql, serve
from tests.graph.test_load import copy_digest, load

SLOW = (
    "UNWIND range(1, 50000) AS a UNWIND range(1, 50000) AS b WITH a, b WHERE a * b < 0 "
    "RETURN toString(a) AS id, 'Actor' AS kind, 'x' AS label, 1.0 AS score, 'x' AS matched"
)
"""2.5 billion rows to filter: far longer than a second, in small memory."""
SLOWED = "test/slow"


@pytest.fixture
def slow_queries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`test/slow`, `read/search` and `export_events` run SLOW."""
    slowed = {SLOWED, "read/search", "export_events"}
    for text_of in ("cypher", "planned_once", "planned_to_keep"):
        real = getattr(store_module, text_of)
        monkeypatch.setattr(
            store_module, text_of, lambda name, real=real: SLOW if name in slowed else real(name)
        )
    yield


@pytest.fixture
async def impatient(settings: Settings) -> Settings:
    return settings.model_copy(update={"query_timeout": 1.0, "export_timeout": 1.0, "load_timeout": 1.0})


@pytest.fixture
async def impatient_store(store: GraphStore, impatient: Settings) -> AsyncIterator[GraphStore]:
    own = GraphStore.from_settings(impatient, impatient.neo4j_uri or "")
    yield own
    await own.close()


async def test_a_slow_read_is_stopped_with_a_clear_error(
    impatient_store: GraphStore, slow_queries: None
) -> None:
    with pytest.raises(QueryTimeout) as raised:
        await impatient_store.read(SLOWED)
    assert raised.value.code == "TIMEOUT" and raised.value.http_status == 504
    assert "ran longer than the server allows" in raised.value.message
    assert await impatient_store.ping()  # the store goes on working


async def test_a_slow_write_is_stopped(impatient_store: GraphStore, slow_queries: None) -> None:
    with pytest.raises(QueryTimeout):
        await impatient_store.write(SLOWED)


async def test_a_slow_batch_write_is_stopped(impatient_store: GraphStore, slow_queries: None) -> None:
    with pytest.raises(QueryTimeout):
        await impatient_store.write_batches([Batch(SLOWED, [{"x": 1}])])
    with pytest.raises(QueryTimeout):
        await impatient_store.write_batches([Batch(SLOWED, [{"x": 1}])], timeout=0.5)


async def test_a_load_that_runs_too_long_names_its_file_and_the_setting(
    impatient_store: GraphStore, slow_queries: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Whoever loads is told which file and which setting, not the API's advice to ask for a smaller page."""
    for text_of in ("cypher", "planned_to_keep"):
        real = getattr(store_module, text_of)
        monkeypatch.setattr(
            store_module,
            text_of,
            lambda name, real=real: SLOW if name == "load_stored_hashes" else real(name),
        )
    digest = copy_digest(tmp_path)

    with pytest.raises(QueryTimeout) as stopped:
        await load(impatient_store, digest)

    message, where = str(stopped.value), stopped.value.location
    assert where is not None and where.file and message.startswith(f"{where.file}: ")
    assert "KG_LOAD_TIMEOUT (1 s)" in message and "nothing of it was written" in message
    assert "page" not in message


async def test_a_slow_stream_is_stopped(impatient_store: GraphStore, slow_queries: None) -> None:
    with pytest.raises(QueryTimeout):
        async for _ in impatient_store.stream(SLOWED):
            pass


async def test_the_api_answers_timeout_not_internal_error(
    store: GraphStore, impatient: Settings, slow_queries: None
) -> None:
    async for client in serve(create_app(impatient)):
        await gql(client, "{ actors { totalCount } }")  # planned once, while the server is idle
        body = await gql(client, '{ search(text: "Minsk") { id } }')
        export = await client.get("/export/events.csv")
        after = await gql(client, "{ actors { totalCount } }")
    assert body["errors"][0]["extensions"] == {"code": "TIMEOUT"}
    assert "ran longer than the server allows" in body["errors"][0]["message"]
    assert export.status_code == 504
    assert export.json()["code"] == "TIMEOUT"
    assert after.get("data"), after
    assert after["data"]["actors"]["totalCount"] == 0


async def test_timeouts_come_from_settings(settings: Settings) -> None:
    tuned = settings.model_copy(update={"query_timeout": 3.0, "export_timeout": 4.0, "load_timeout": 5.0})
    own = GraphStore.from_settings(tuned, tuned.neo4j_uri or "")
    try:
        assert (own.timeouts.query, own.timeouts.export, own.timeouts.load) == (3.0, 4.0, 5.0)
        assert own.timeouts.grace == tuned.neo4j_connect_timeout
    finally:
        await own.close()


async def test_a_neo4j_that_stops_answering_is_unavailable_not_a_hang(tmp_path: Path) -> None:
    """The JVM of a private Neo4j is paused (SIGSTOP): it still accepts connections but answers nothing."""
    options = server.ServerOptions(data_dir=tmp_path, port=0, user="neo4j", password=LOCAL_DEV_PASSWORD)
    state = server.start(options)
    own = Settings(
        neo4j_uri=state.uri, query_timeout=5.0, neo4j_connect_timeout=2.0, env="test", warm_plans=False
    )
    try:
        async for client in serve(create_app(own)):
            # A server just started (on a busy machine) may take longer than the timeouts for its first
            # connection and first plan: warm it up before pausing it.
            for _ in range(10):
                warm = await gql(client, "{ actors { totalCount } }")
                if warm.get("data"):
                    break
            assert warm.get("data"), warm
            os.kill(state.pid, signal.SIGSTOP)
            try:
                ready = await client.get("/readyz")
                body = await gql(client, "{ actors { totalCount } }")
            finally:
                os.kill(state.pid, signal.SIGCONT)
            assert ready.status_code == 503
            assert body["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
            assert "did not answer within 7 s" in body["errors"][0]["message"]
            assert (await gql(client, "{ actors { totalCount } }"))["data"]["actors"]["totalCount"] == 0
    finally:
        server.stop(tmp_path)
