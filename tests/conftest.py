"""One Neo4j per test session: the one NEO4J_URI names, or a private local server started here.

Tests that write ask for `store` (or `api`): an empty graph. Tests that only read ask for `seeded_store`
(or `seeded_api`, or the `main_seed_*` pair for the first digest alone); the seed is loaded when the graph
does not already hold it, so read-only tests share one load. A test given a seeded graph must not write.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from graph.load import load_paths
from graph.neo4j_server import server
from graph.schema import migrate
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from graph.store import GraphStore

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seed_data"
MAIN_SEED = SEED / "2023-04-24_peace-loving-region.yaml"
REPORT_DIGESTS = sorted((REPO / "tests" / "fixtures" / "reports").glob("*.yaml"))
"""Three digests that re-report facts of seed_data/ (tests/fixtures/reports/README.md)."""
CLEAR_GRAPH = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if uri := os.environ.get("NEO4J_URI"):
        yield uri
        return
    options = server.ServerOptions(
        data_dir=tmp_path_factory.mktemp("neo4j"),
        port=0,
        user="neo4j",
        password=os.environ.get("NEO4J_PASSWORD", LOCAL_DEV_PASSWORD),
    )
    state = server.start(options)
    yield state.uri
    server.stop(options.data_dir)


@pytest.fixture(scope="session")
def settings(neo4j_uri: str) -> Settings:
    # No plan warm-up per app: most tests build one per test, and tests/api/test_start_up.py covers it.
    return Settings(neo4j_uri=neo4j_uri, env="test", warm_plans=False)


@pytest.fixture(scope="session")
async def migrated_store(settings: Settings) -> AsyncIterator[GraphStore]:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    await migrate(store)
    yield store
    await store.close()


class _Graph:
    holds: str | None = None
    """What the graph holds now: None (anything), 'empty', or the name of a seed set."""


async def _holding(store: GraphStore, name: str, paths: list[Path]) -> GraphStore:
    if _Graph.holds != name:
        _Graph.holds = None
        async with store.driver.session(database=store.database) as session:
            await (await session.run(CLEAR_GRAPH)).consume()
        if paths:
            await load_paths(store, paths, reference_dir=SEED / "reference")
        _Graph.holds = name
    return store


@pytest.fixture
async def store(migrated_store: GraphStore) -> AsyncIterator[GraphStore]:
    """The store over an empty graph (schema installed), for tests that write."""
    _Graph.holds = None
    await _holding(migrated_store, "empty", [])
    _Graph.holds = None
    yield migrated_store


@pytest.fixture
async def seeded_store(migrated_store: GraphStore) -> GraphStore:
    """The graph with all of seed_data/ loaded. Read only."""
    return await _holding(migrated_store, "seed", [SEED])


@pytest.fixture
async def main_seed_store(migrated_store: GraphStore) -> GraphStore:
    """The graph with the reference data and the first digest (24-30 April 2023) alone. Read only."""
    return await _holding(migrated_store, "main seed", [MAIN_SEED])


@pytest.fixture
async def reports_store(migrated_store: GraphStore) -> GraphStore:
    """seed_data/, then the three re-reporting digests of tests/fixtures/reports/, each its own load. Read
    only."""
    return await _holding(migrated_store, "reports", [SEED, *REPORT_DIGESTS])


async def serve(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the app in-process, with its lifespan (driver) running."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kg.test") as client:
            yield client


@pytest.fixture
async def api(store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(settings)):
        yield client


@pytest.fixture
async def seeded_api(seeded_store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(settings)):
        yield client


@pytest.fixture
async def main_seed_api(main_seed_store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(settings)):
        yield client


async def gql(
    client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None, **variables: Any
) -> dict[str, Any]:
    """POST a GraphQL request; return the whole response body (data and errors)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    body: dict[str, Any] = response.json()
    body["status"] = response.status_code
    return body
