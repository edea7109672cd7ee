"""A load balancer asks whether the process is up and whether it can answer; an analyst asks what runs."""

from __future__ import annotations

import socket

import httpx

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import serve


async def test_healthz_says_the_process_is_up(api: httpx.AsyncClient) -> None:
    response = await api.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_200_when_neo4j_answers(api: httpx.AsyncClient, store: GraphStore) -> None:
    response = await api.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "neo4j": await store.ping()}


async def test_readyz_is_503_with_a_reason_when_neo4j_is_unreachable(settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    unreachable = settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{closed_port}"})
    async for client in serve(create_app(unreachable)):
        response = await client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert "Neo4j is not reachable" in body["reason"]


async def test_server_info_reports_the_live_neo4j_version(api: httpx.AsyncClient, store: GraphStore) -> None:
    response = await api.post("/graphql", json={"query": "{ serverInfo { version neo4jVersion } }"})
    info = response.json()["data"]["serverInfo"]
    assert info["neo4jVersion"] == await store.ping()
    assert info["neo4jVersion"].startswith("5.26")
    assert info["version"] == "0.1.0"


async def test_graphiql_playground_is_served(api: httpx.AsyncClient) -> None:
    response = await api.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "GraphiQL" in response.text
