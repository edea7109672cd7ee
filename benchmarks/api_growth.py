"""The API as the data grows: GraphQL p50 of each benchmark request on two servers holding 10x apart.

    NEO4J_USER=neo4j NEO4J_PASSWORD=... .venv/bin/python -m benchmarks.api_growth \\
        --small bolt://127.0.0.1:P1 --large bolt://127.0.0.1:P2 [--rounds 20] [--serve-from CHECKOUT] \\
        [--output FILE]

Both servers already hold their data (seed_data/ and N synthetic events: benchmarks/bench_graph.py). One `kg
serve` (one uvicorn worker) per server, from this checkout or `--serve-from` another. Each request of
benchmarks/api_benchmark.py (the flagship, the 100-event page with its total, an actor's 20 latest events,
the search) is asked 3 times of each server to warm it, then in rounds: every request of the small and of the
large server in turn, who goes first alternating, so the machine's noise hits both sizes alike. The issue's
target (12, point 9): ten times the data at most twice the p50 of the flagship, the page and the actor's page.
benchmarks/flagship_scale.py asks the flagship alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx

from benchmarks.api_benchmark import ACTOR, ACTOR_ID, FLAGSHIP, PAGE, SEARCH
from benchmarks.bench_graph import serving
from graph.settings import Settings

REQUESTS: dict[str, tuple[str, dict[str, Any]]] = {
    "flagship": (FLAGSHIP, {}),
    "page": (PAGE, {"first": 100}),
    "actor": (ACTOR, {"id": ACTOR_ID}),
    "search": (SEARCH, {}),
}


async def ask(client: httpx.AsyncClient, name: str) -> tuple[float, dict[str, Any]]:
    query, variables = REQUESTS[name]
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    elapsed = (time.perf_counter() - started) * 1000
    body = response.json()
    if "errors" in body:
        raise SystemExit(f"{name} failed: {body['errors']}")
    return elapsed, body["data"]


def shape(data: dict[str, Any]) -> dict[str, int]:
    """The flagship's answer: its regions, the events they count and the events listed on their pages."""
    rows = data["regionEngagements"]
    return {
        "regions": len(rows),
        "events_counted": sum(row["events"]["totalCount"] for row in rows),
        "events_listed": sum(len(row["events"]["edges"]) for row in rows),
    }


def answer_size(name: str, data: dict[str, Any]) -> dict[str, int]:
    """What the answer holds, so a reader sees whether it grew with the data."""
    if name == "flagship":
        return shape(data)
    if name == "page":
        return {"listed": len(data["events"]["edges"]), "total": data["events"]["totalCount"]}
    if name == "actor":
        return {"listed": len(data["actor"]["events"]["edges"])}
    return {"listed": len(data["search"])}


async def main(arguments: argparse.Namespace) -> dict[str, Any]:
    sizes = {"small": arguments.small, "large": arguments.large}
    names = arguments.requests.split(",")
    load_average = [os.getloadavg()[0]]
    async with AsyncExitStack() as stack:
        clients = {}
        for size, uri in sizes.items():
            base_url = await stack.enter_async_context(serving(Settings(neo4j_uri=uri), arguments.serve_from))
            clients[size] = await stack.enter_async_context(httpx.AsyncClient(base_url=base_url, timeout=300))
        answers: dict[str, dict[str, Any]] = {name: {} for name in names}
        for name in names:
            for size, client in clients.items():
                for _ in range(3):
                    _, answers[name][size] = await ask(client, name)
        times: dict[str, dict[str, list[float]]] = {name: {size: [] for size in sizes} for name in names}
        for round_ in range(arguments.rounds):
            order = list(sizes) if round_ % 2 == 0 else list(reversed(sizes))
            for name in names:
                for size in order:
                    elapsed, _ = await ask(clients[size], name)
                    times[name][size].append(elapsed)
    load_average.append(os.getloadavg()[0])
    figures = {}
    for name in names:
        p50 = {size: statistics.median(each) for size, each in times[name].items()}
        figures[name] = {
            "answer": {size: answer_size(name, answer) for size, answer in answers[name].items()},
            "p50_ms": {size: round(value, 1) for size, value in p50.items()},
            "p95_ms": {
                size: round(statistics.quantiles(each, n=20)[-1], 1) for size, each in times[name].items()
            },
            "large_over_small": round(p50["large"] / p50["small"], 2),
        }
    return {
        "served_from": str(arguments.serve_from or "this checkout"),
        "load_average_start_end": load_average,
        "servers": sizes,
        "rounds": arguments.rounds,
        "requests": figures,
    }


def cli(default_requests: str = ",".join(REQUESTS)) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--small", required=True, help="bolt URI of the server holding less")
    parser.add_argument("--large", required=True, help="bolt URI of the server holding ten times as much")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--requests", default=default_requests, help="comma-separated, of " + ", ".join(REQUESTS)
    )
    parser.add_argument("--serve-from", type=Path, help="serve the API from another checkout")
    parser.add_argument("--output", type=Path)
    arguments = parser.parse_args()
    result = asyncio.run(main(arguments))
    text = json.dumps(result, indent=2)
    print(text)
    if arguments.output:
        arguments.output.write_text(text + "\n")


if __name__ == "__main__":
    cli()
