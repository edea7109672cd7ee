"""Python CPU time of one GraphQL request, in process (the app over httpx's ASGI transport, no server):
what the API layer costs per request, whatever the machine's load does to wall-clock times.

    NEO4J_URI=... .venv/bin/python -m benchmarks.request_cpu [--requests 30]

Reports the median process CPU (this process: ASGI, GraphQL, the driver) and wall-clock time per request,
and the database round trips, for the requests of benchmarks/peer_benchmark.py on a server holding its data.
Another checkout (before/after) is measured from its folder, this one on the path:
`cd /work/main && PYTHONPATH=/work/wt-... python -m benchmarks.request_cpu --actor ID`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

import httpx

from api.app import create_app
from benchmarks.peer_benchmark import OUR_ACTOR, OUR_FLAGSHIP, OUR_PAGE, OUR_SEARCH
from graph.settings import Settings
from graph.store import GraphStore


async def run(requests: int, actor: str | None) -> dict[str, Any]:
    settings = Settings()
    app = create_app(settings, freeze_heap=True)  # as `kg serve` runs it (api.app.served_app)
    if actor is None:
        store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
        actor = (await store.read("benchmark_busiest_person"))[0]["id"]
        await store.close()
    cases = {
        "event page": (OUR_PAGE, {}),
        "actor's 20 latest events": (OUR_ACTOR, {"id": actor}),
        "search on actors": (OUR_SEARCH, {"text": "Sidorov Sergei"}),
        "flagship": (OUR_FLAGSHIP, {}),
    }
    results = {}
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://kg") as c,
    ):
        for name, (query, variables) in cases.items():
            for _ in range(3):
                await c.post("/graphql", json={"query": query, "variables": variables})
            cpu, wall, trips = [], [], []
            for _ in range(requests):
                before, started, clock = app.state.store.round_trips, time.perf_counter(), time.process_time()
                body = (await c.post("/graphql", json={"query": query, "variables": variables})).json()
                cpu.append(time.process_time() - clock)
                wall.append(time.perf_counter() - started)
                trips.append(app.state.store.round_trips - before)
                assert not body.get("errors"), body
            results[name] = {
                "python_cpu_p50_ms": round(statistics.median(cpu) * 1000, 1),
                "wall_p50_ms": round(statistics.median(wall) * 1000, 1),
                "round_trips": statistics.median(trips),
            }
            print(name, json.dumps(results[name]), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--actor", help="the actor of the actor's page (default: as peer_benchmark picks)")
    arguments = parser.parse_args()
    print(json.dumps(asyncio.run(run(arguments.requests, arguments.actor)), indent=2))


if __name__ == "__main__":
    main()
