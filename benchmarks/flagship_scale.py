"""The flagship as the data grows: GraphQL p50 on two servers holding 10x apart, requests alternated.

    NEO4J_USER=neo4j NEO4J_PASSWORD=... .venv/bin/python -m benchmarks.flagship_scale \\
        --small bolt://127.0.0.1:P1 --large bolt://127.0.0.1:P2 [--rounds 20] [--serve-from CHECKOUT] \\
        [--output FILE]

Both servers already hold their data (seed_data/ and N synthetic events: benchmarks/bench_graph.py). One `kg
serve` (one uvicorn worker) per server, from this checkout or `--serve-from` another (a before/after); after
3 warm-ups each, the flagship (Minsk, RU, 2023, as benchmarks/api_benchmark.py asks it) is sent to the small
and the large server in turn (who goes first alternates), so the machine's noise hits both sizes alike. The
issue's target (12, point 9): ten times the data at most twice the p50.
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

from benchmarks.api_benchmark import FLAGSHIP
from benchmarks.bench_graph import serving
from graph.settings import Settings


async def ask(client: httpx.AsyncClient) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": FLAGSHIP})
    elapsed = (time.perf_counter() - started) * 1000
    body = response.json()
    if "errors" in body:
        raise SystemExit(f"the flagship failed: {body['errors']}")
    return elapsed, body["data"]


def shape(data: dict[str, Any]) -> dict[str, int]:
    rows = data["regionEngagements"]
    return {
        "regions": len(rows),
        "events_counted": sum(row["events"]["totalCount"] for row in rows),
        "events_listed": sum(len(row["events"]["edges"]) for row in rows),
    }


async def main(arguments: argparse.Namespace) -> dict[str, Any]:
    sizes = {"small": arguments.small, "large": arguments.large}
    async with AsyncExitStack() as stack:
        clients = {}
        for size, uri in sizes.items():
            settings = Settings(neo4j_uri=uri)
            base_url = await stack.enter_async_context(serving(settings, arguments.serve_from))
            clients[size] = await stack.enter_async_context(httpx.AsyncClient(base_url=base_url, timeout=120))
        answers = {}
        for size, client in clients.items():
            for _ in range(3):
                _, answers[size] = await ask(client)
        times: dict[str, list[float]] = {size: [] for size in sizes}
        for round_ in range(arguments.rounds):
            order = list(sizes) if round_ % 2 == 0 else list(reversed(sizes))
            for size in order:
                elapsed, _ = await ask(clients[size])
                times[size].append(elapsed)
    p50 = {size: statistics.median(each) for size, each in times.items()}
    return {
        "served_from": str(arguments.serve_from or "this checkout"),
        "load_average": os.getloadavg(),
        "servers": sizes,
        "rounds": arguments.rounds,
        "answer": {size: shape(answer) for size, answer in answers.items()},
        "p50_ms": {size: round(value, 1) for size, value in p50.items()},
        "p95_ms": {
            size: round(statistics.quantiles(each, n=20)[-1], 1) if len(each) > 1 else each[0]
            for size, each in times.items()
        },
        "large_over_small": round(p50["large"] / p50["small"], 2),
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", required=True, help="bolt URI of the server holding less")
    parser.add_argument("--large", required=True, help="bolt URI of the server holding ten times as much")
    parser.add_argument("--rounds", type=int, default=20)
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
