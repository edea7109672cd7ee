"""A cluster or Aura works unchanged: the API and the loader run through a routing `neo4j://` URI (the
driver asks the server for a routing table, then sends reads to readers and writes to the writer).

A single Community server answers both, so which way each transaction was sent is read from the driver's
Bolt log: every transaction the API begins, and every auto-commit query it runs, says `mode: r`."""

from __future__ import annotations

import logging
from urllib.parse import urlparse

import pytest

from api.app import create_app
from graph.load import load_paths
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.test_flagship import FLAGSHIP
from tests.conftest import MAIN_SEED, SEED, gql, serve


def bolt_requests(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The BEGINs and auto-commit RUNs the driver sent (a RUN inside a transaction names no database)."""
    sent = [r.getMessage() for r in caplog.records if r.name.startswith("neo4j")]
    return [m for m in sent if (" C: BEGIN " in m or " C: RUN " in m) and "'db': " in m]


def routing_uri(uri: str) -> str:
    """The same server under the routing scheme: bolt:// becomes neo4j://, bolt+s:// neo4j+s://."""
    parsed = urlparse(uri)
    scheme = parsed.scheme.replace("bolt", "neo4j")
    return parsed._replace(scheme=scheme).geturl()


async def test_load_and_ask_the_flagship_through_a_routing_uri(
    store: GraphStore, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    routed = settings.model_copy(update={"neo4j_uri": routing_uri(settings.neo4j_uri or "")})
    assert (routed.neo4j_uri or "").startswith("neo4j")
    loader_store = GraphStore.from_settings(routed, routed.neo4j_uri or "")
    try:
        with caplog.at_level(logging.DEBUG, logger="neo4j"):
            summary = await load_paths(loader_store, [MAIN_SEED], reference_dir=SEED / "reference")
    finally:
        await loader_store.close()
    assert summary.files
    assert any("'mode': 'r'" not in sent for sent in bolt_requests(caplog)), "the load writes"
    caplog.clear()

    async for client in serve(create_app(routed)):
        caplog.set_level(logging.DEBUG, logger="neo4j")
        assert (await client.get("/readyz")).status_code == 200
        body = await gql(client, FLAGSHIP)
        assert "errors" not in body, body
        rows = body["data"]["regionEngagements"]
        assert [row["region"]["isoCode"] for row in rows] == ["RU-NVS", "RU-IRK", "RU-SVE"]
        assert rows[0]["contractValue"] == {"amount": "13000000", "currency": "USD"}
        # Exports stream through auto-commit sessions: routed to a reader too.
        export = await client.get("/export/events.csv", params={"actor": "Minsk"})
        assert export.status_code == 200
        assert "2023-04-26-novosibirsk-contract-signing" in export.text

    reads = bolt_requests(caplog)
    assert reads
    assert [sent for sent in reads if "'mode': 'r'" not in sent] == [], "the API only reads"
