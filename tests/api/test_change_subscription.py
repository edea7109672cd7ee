"""A dashboard subscribes to `changes` over a real WebSocket (graphql-transport-ws) on a running server;
loads committed elsewhere (here: `load_paths` on the test's own driver, not the server's) reach it, in order,
with their counts."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime
from pathlib import PurePath
from typing import Any

import httpx
from fastapi import FastAPI
from websockets.asyncio.client import ClientConnection, connect

from graph.load import load_paths
from graph.store import GraphStore
from tests.api.conftest import LiveServer
from tests.api.mutation_inputs import (
    AS_WRITER,
    DELETE_EVENT,
    GOLOVCHENKO,
    UPSERT_ACTOR,
    UPSERT_EVENT,
    signing,
)
from tests.conftest import MAIN_SEED, REPORT_DIGESTS, SEED, gql

LEDGER, POVESTKA = (
    next(path for path in REPORT_DIGESTS if name in path.name) for name in ("ledger", "povestka")
)

SUBSCRIBE = (
    "subscription { changes { id kind at by files hashes created updated merged retracted unchanged } }"
)
CHANGES = "{ changes(first: 100) { edges { node { kind by created updated retracted } } } }"
WAIT = 20.0  # seconds: a poll happens every second; the bound only stops a broken test from hanging


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
    return message


async def next_of(ws: ClientConnection, file_name: str) -> dict[str, Any]:
    """The next change pushed that read `file_name` (reference files are loaded, and pushed, too)."""
    while True:
        message = await receive(ws)
        assert (message["type"], message["id"]) == ("next", "1"), message
        change: dict[str, Any] = message["payload"]["data"]["changes"]
        if [PurePath(file).name for file in change["files"]] == [file_name]:
            return change


async def listening(app: FastAPI, count: int) -> None:
    """Until the server's change feed has `count` subscribers (and so knows where the feed stands)."""
    deadline = time.monotonic() + WAIT
    while app.state.change_feed.listening < count:
        assert time.monotonic() < deadline, "the subscription never reached the change feed"
        await asyncio.sleep(0.05)


async def test_a_subscriber_receives_each_committed_load_in_order(
    live_server: LiveServer, store: GraphStore
) -> None:
    await load_paths(store, [MAIN_SEED], reference_dir=SEED / "reference", by="before")  # earlier: not pushed
    app: FastAPI = live_server.server.config.app
    url = live_server.url.replace("http://", "ws://") + "/graphql"
    async with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init"}))
        assert (await receive(ws))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
        await listening(app, 1)
        await load_paths(store, [LEDGER], reference_dir=SEED / "reference", by="analyst-anna")
        await load_paths(store, [POVESTKA], reference_dir=SEED / "reference", by="analyst-boris")
        first, second = await next_of(ws, LEDGER.name), await next_of(ws, POVESTKA.name)
        assert (first["kind"], first["by"], len(first["hashes"])) == ("load", "analyst-anna", 1)
        assert first["created"] == 1 and first["merged"] >= 1  # the talks are new; the trip was reported
        assert (second["by"], second["retracted"]) == ("analyst-boris", 0)
        assert second["merged"] >= 1
        assert datetime.fromisoformat(first["at"]) < datetime.fromisoformat(second["at"])
        await ws.send(json.dumps({"id": "1", "type": "complete"}))
    deadline = time.monotonic() + WAIT
    while app.state.change_feed.listening:  # the last subscriber gone, the poller stops
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)


async def test_a_mutation_is_a_change_too(api_with_keys: httpx.AsyncClient) -> None:
    before = await gql(api_with_keys, CHANGES)
    for query, value in ((UPSERT_ACTOR, GOLOVCHENKO), (UPSERT_EVENT, signing())):
        body = await gql(api_with_keys, query, headers=AS_WRITER, input=value)
        assert "errors" not in body, body
    deleted = await gql(
        api_with_keys, DELETE_EVENT, headers=AS_WRITER, id="event:2023-04-27-novosibirsk-contract-signing"
    )
    assert "errors" not in deleted, deleted
    after = await gql(api_with_keys, CHANGES)
    new = [edge["node"] for edge in after["data"]["changes"]["edges"]][
        len(before["data"]["changes"]["edges"]) :
    ]
    assert [(c["kind"], c["by"], c["created"], c["retracted"]) for c in new] == [
        ("mutation", "analyst-anna", 1, 0),  # the actor
        ("mutation", "analyst-anna", 2, 0),  # the signing and the contracts it produced
        ("mutation", "analyst-anna", 0, 1),
    ]
