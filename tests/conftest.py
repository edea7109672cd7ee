"""One Neo4j per test session: the one NEO4J_URI names, or a private local server started here.

Tests that touch the graph ask for `store` (or `api`), which empties the graph first.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from graph.neo4j_server import server
from graph.schema import migrate
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from graph.store import GraphStore

REPO = Path(__file__).resolve().parent.parent
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
    return Settings(neo4j_uri=neo4j_uri, env="test")


@pytest.fixture(scope="session")
async def migrated_store(settings: Settings) -> AsyncIterator[GraphStore]:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    await migrate(store)
    yield store
    await store.close()


@pytest.fixture
async def store(migrated_store: GraphStore) -> GraphStore:
    """The store over an empty graph (schema installed)."""
    async with migrated_store.driver.session(database=migrated_store.database) as session:
        await (await session.run(CLEAR_GRAPH)).consume()
    return migrated_store


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
