"""At start-up the API has Neo4j plan its reads in the background (graph/read/warm.py), so the first analyst
to ask for statistics does not wait seconds for the planner; start-up neither waits for it nor fails when
Neo4j is away. The served app also freezes its start-up heap (api.app.served_app)."""

from __future__ import annotations

import asyncio
import gc
import logging
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.admission import QueueStats
from api.app import _no_requests, create_app
from graph.read.warm import api_reads, warm_plans
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

EXAMPLES = Path(__file__).resolve().parents[2] / "api" / "examples"
ASKED = (
    *((EXAMPLES / name).read_text(encoding="utf-8") for name in ("1_flagship.graphql", "3_search.graphql")),
    (EXAMPLES / "7_stats.graphql").read_text(encoding="utf-8"),
    "{ events(first: 5) { totalCount edges { node { participants { actor { name } } places { name } } } } }",
    '{ actor(id: "country:RU") { name events(first: 3) { edges { node { title } } } } }',
    '{ neighborhood(id: "country:RU", depth: 1) { nodes { id } } }',
)


async def test_start_up_plans_every_read_of_the_api(seeded_store: GraphStore, settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"warm_plans": True}))
    async for client in serve(app):
        ready = await client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["plans"] in ("warming", "warm")
        warmed = await app.state.warm_up
        assert (await client.get("/readyz")).json()["plans"] == "warm"
        assert warmed.failed == {}
        assert warmed.unreachable is None
        assert warmed.planned == api_reads()
        assert warmed.planned[0] == "read/event_stats", "the slowest planner goes first"


async def test_the_reads_the_api_sends_are_the_ones_warmed(
    seeded_api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read the warm-up does not know of (a new query file outside queries/read/) fails here."""
    sent: set[str] = set()
    read = GraphStore.read

    async def reading(self: GraphStore, query: str, **params: Any) -> list[dict[str, Any]]:
        sent.add(query)
        return await read(self, query, **params)

    monkeypatch.setattr(GraphStore, "read", reading)
    for document in ASKED:
        answer = await gql(seeded_api, document)
        assert not answer.get("errors"), answer
    assert {"read/event_stats", "read/region_engagements", "read/search", "neighborhood"} <= sent
    assert sent <= set(api_reads())


async def test_a_named_read_is_planned_not_run(seeded_store: GraphStore) -> None:
    warmed = await warm_plans(seeded_store, ["read/event_stats", "read/no_such_query"])
    assert warmed.planned == ["read/event_stats"]
    assert "no query named 'read/no_such_query'" in warmed.failed["read/no_such_query"]


async def test_start_up_does_not_fail_when_neo4j_is_away(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    nowhere = Settings(neo4j_uri=f"bolt://127.0.0.1:{port}", env="test", neo4j_connect_timeout=1.0)
    app = create_app(nowhere)
    with caplog.at_level(logging.WARNING, logger="kg.warm"):
        async for client in serve(app):
            assert (await client.get("/healthz")).status_code == 200
            warmed = await app.state.warm_up
    assert warmed.planned == []
    assert warmed.unreachable and "not reachable" in warmed.unreachable
    assert any("plans not warmed" in record.getMessage() for record in caplog.records)


async def test_each_plan_waits_until_no_request_runs(seeded_store: GraphStore) -> None:
    waits: list[str] = []

    async def idle() -> None:
        waits.append("idle")

    warmed = await warm_plans(seeded_store, ["read/search", "read/event_stats"], idle=idle)
    assert warmed.planned == ["read/search", "read/event_stats"]
    assert waits == ["idle", "idle"]

    queue = QueueStats(running=1)
    waiting = asyncio.create_task(_no_requests(queue))
    await asyncio.sleep(0.2)
    assert not waiting.done(), "a request runs: the warm-up waits"
    queue.running = 0
    await asyncio.wait_for(waiting, 5)


async def test_the_served_app_freezes_its_start_up_heap(seeded_store: GraphStore, settings: Settings) -> None:
    """`kg serve` runs api.app.served_app: what start-up built is kept out of the collector's walks."""
    gc.unfreeze()
    app = create_app(settings, freeze_heap=True)
    try:
        async for client in serve(app):
            assert gc.get_freeze_count() > 10_000
            assert (await client.get("/readyz")).status_code == 200
    finally:
        gc.unfreeze()  # this test process builds many apps
    plain_app = create_app(settings)
    async for _ in serve(plain_app):
        assert gc.get_freeze_count() == 0
