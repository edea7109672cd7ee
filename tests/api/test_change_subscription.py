"""A dashboard subscribes to `changes` over a real WebSocket (graphql-transport-ws) on a running server;
loads committed by another process reach it, in order, with their counts."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from websockets.asyncio.client import ClientConnection, connect

from graph.store import GraphStore
from tests.api.conftest import LiveServer
from tests.api.reports_graph import ReportsGraph

SUBSCRIBE = (
    "subscription { changes { id kind at by files hashes created updated merged retracted unchanged } }"
)
WAIT = 20.0  # seconds: a poll happens every second; the bound only stops a broken test from hanging


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
    return message


async def listening(app: FastAPI, count: int) -> None:
    """Until the server's change feed has `count` subscribers (and so knows where the feed stands)."""
    deadline = time.monotonic() + WAIT
    while app.state.change_feed.listening < count:
        assert time.monotonic() < deadline, "the subscription never reached the change feed"
        await asyncio.sleep(0.05)


async def test_a_subscriber_receives_each_committed_load_in_order(
    live_server: LiveServer, store: GraphStore
) -> None:
    graph = ReportsGraph(store)
    now = datetime.now(UTC)
    await graph.load("load:before", now - timedelta(minutes=1), ["old.yaml"])  # not pushed: it came before
    app: FastAPI = live_server.server.config.app
    url = live_server.url.replace("http://", "ws://") + "/graphql"
    async with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init"}))
        assert (await receive(ws))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
        await listening(app, 1)
        await graph.load("load:ledger", now, ["2023-04-24_siberian-ledger.yaml"], created=1, merged=7)
        await graph.load("load:unload", now + timedelta(seconds=1), ["x.yaml"], kind="unload", retracted=9)
        first, second = await receive(ws), await receive(ws)
        assert first["type"] == "next" and first["id"] == "1"
        change = first["payload"]["data"]["changes"]
        assert (change["id"], change["kind"], change["files"]) == (
            "load:ledger",
            "load",
            ["2023-04-24_siberian-ledger.yaml"],
        )
        assert (change["created"], change["merged"], change["retracted"], change["by"]) == (1, 7, 0, "tester")
        assert second["payload"]["data"]["changes"]["id"] == "load:unload"
        assert second["payload"]["data"]["changes"]["retracted"] == 9
        await ws.send(json.dumps({"id": "1", "type": "complete"}))
    deadline = time.monotonic() + WAIT
    while app.state.change_feed.listening:  # the last subscriber gone, the poller stops
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)
