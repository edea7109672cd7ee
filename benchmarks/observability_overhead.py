"""What /metrics and the per-request JSON log cost: the same requests with both off and both on, alternating.

    .venv/bin/python -m benchmarks.observability_overhead [--rounds 15] [--per-round 20]

Starts a private Neo4j (or uses NEO4J_URI) and loads seed_data/ (a no-op when it is there). Two apps in one
process, served in-process (httpx ASGI transport, so no socket noise): `KG_METRICS=false
KG_REQUEST_LOG=false` and the defaults, with the request log written to a stream at INFO (so each line is
really built and formatted). Each round sends --per-round requests of each kind to each app in turn: the
flagship (GraphQL, named), and /healthz (no database: the middleware's own cost stands out). Reports the
median per request of each side and the difference. Results: benchmarks/results/observability.json.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from api.app import create_app
from graph.load import load_paths
from graph.neo4j_server import server
from graph.schema import migrate
from graph.settings import LOCAL_DEV_PASSWORD, REPO_ROOT, Settings
from graph.store import GraphStore

RESULTS = Path(__file__).with_name("results") / "observability.json"
SEED = REPO_ROOT / "seed_data"
FLAGSHIP = """query Flagship {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
    region { id name isoCode } contractValue { amount currency }
    events { totalCount edges { node { id kind title startDate endDate } } }
  }
}"""


async def prepare(settings: Settings) -> None:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    try:
        await migrate(store)
        await load_paths(store, [SEED], reference_dir=SEED / "reference")  # unchanged files are skipped
    finally:
        await store.close()


async def timed(client: httpx.AsyncClient, kind: str, count: int) -> list[float]:
    seconds = []
    for _ in range(count):
        started = time.perf_counter()
        if kind == "flagship":
            response = await client.post("/graphql", json={"query": FLAGSHIP})
            assert response.status_code == 200 and "errors" not in response.json(), response.text
        else:
            response = await client.get("/healthz")
            assert response.status_code == 200
        seconds.append(time.perf_counter() - started)
    return seconds


async def run(arguments: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    await prepare(settings)
    log = logging.getLogger("kg.request")
    log.setLevel(logging.INFO)
    log.addHandler(logging.StreamHandler(io.StringIO()))
    log.propagate = False
    apps = {
        "off": create_app(settings.model_copy(update={"metrics": False, "request_log": False})),
        "on": create_app(settings),
    }
    samples: dict[str, dict[str, list[float]]] = {side: {"flagship": [], "healthz": []} for side in apps}
    off, on = apps["off"], apps["on"]
    async with off.router.lifespan_context(off), on.router.lifespan_context(on):
        clients = {
            side: httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kg.bench")
            for side, app in apps.items()
        }
        for side in apps:  # warm up: name directory, validation cache, connections
            await timed(clients[side], "flagship", 5)
            await timed(clients[side], "healthz", 20)
        for _ in range(arguments.rounds):
            for side in ("off", "on"):
                for kind in ("flagship", "healthz"):
                    samples[side][kind] += await timed(clients[side], kind, arguments.per_round)
        for client in clients.values():
            await client.aclose()
    results: dict[str, Any] = {"rounds": arguments.rounds, "per_round": arguments.per_round}
    for kind in ("flagship", "healthz"):
        off = statistics.median(samples["off"][kind]) * 1000
        on = statistics.median(samples["on"][kind]) * 1000
        results[kind] = {
            "requests_per_side": len(samples["on"][kind]),
            "off_p50_ms": round(off, 3),
            "on_p50_ms": round(on, 3),
            "difference_ms": round(on - off, 3),
            "ratio": round(on / off, 3),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--per-round", type=int, default=20)
    arguments = parser.parse_args()
    uri = os.environ.get("NEO4J_URI")
    scratch = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    if not uri:
        uri = server.start(server.ServerOptions(scratch, 0, "neo4j", LOCAL_DEV_PASSWORD)).uri
    settings = Settings(neo4j_uri=uri)
    try:
        results = asyncio.run(run(arguments, settings))
    finally:
        if not os.environ.get("NEO4J_URI"):
            server.stop(scratch)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
