"""The GraphQL API against the raw driver, on the seed plus synthetic events, measured side by side.

    .venv/bin/python -m benchmarks.api_benchmark [--events 100000] [--data DIR] [--requests 60]
                                                 [--clients 50] [--seconds 30] [--no-load]
                                                 [--actor org:org-1] [--side-by-side-only]

Starts a private Neo4j (or uses NEO4J_URI with NEO4J_USER / NEO4J_PASSWORD, which `kg serve` is given too),
loads seed_data/ and a synthetic folder (benchmarks/synthetic.py; generated when --data has none) unless the
server holds those events already (or --no-load), serves the API with `kg serve` (one uvicorn worker), then:
1. for four requests (the flagship with its first 20 events per region and their count, a 100-event page
   with participants, places and totalCount, an actor's 20 latest events, a search) times the same Cypher
   through the bare async driver and the full GraphQL request over HTTP, alternating, and reports the
   medians and their ratio;
2. counts database round trips of the event page at page sizes 10, 50 and 100 (in-process);
3. runs --clients concurrent clients for --seconds against the mix and reports errors, p50, p99; then
   the same against a second API process without admission control (KG_MAX_CONCURRENT_REQUESTS
   unbounded), to show what the queue buys (both skipped with --side-by-side-only).
Results: benchmarks/results/api.json (--results for another file).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from neo4j import AsyncGraphDatabase, RoutingControl

from api.app import create_app
from benchmarks.bench_graph import ensure_loaded, neo4j_server, serving
from graph.queries import as_one_map, planned_once
from graph.read.engagements import LINKS, political_side, state_of
from graph.read.filters import EventFilter, resolve_event_filter
from graph.read.lists import EventPageGroup, event_page_query
from graph.read.lookup import lucene_query, search_terms
from graph.read.names import directory, resolve_actor
from graph.read.pages import DEFAULT_PAGE, page_request
from graph.settings import Settings
from graph.store import GraphStore

RESULTS = Path(__file__).with_name("results") / "api.json"
FLAGSHIP = """query {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
    region { id name isoCode } contractValue { amount currency }
    events { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind title startDate endDate } } }
  }
}"""
PAGE = """query ($first: Int) { events(first: $first) { totalCount edges { node {
  id kind title startDate participants { role actor { id name } } places { id name isoCode } } } } }"""
ACTOR = """query ($id: ID!) { actor(id: $id) { id name
  events(first: 20, orderBy: {field: DATE, direction: DESC}) {
    edges { node { id kind title startDate } } } } }"""
SEARCH = '{ search(text: "Novosibirsk contracts", first: 10) { id kind label score } }'
ACTOR_ID = "org:org-1"
"""A synthetic ministry: about one event in 500 (200 at 100k events, 2,000 at 1M). Not org-0, a government,
which stands for its whole state (every member's events, as in the flagship)."""


async def raw_requests(store: GraphStore, actor: str) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The Cypher each GraphQL request runs, with the parameters its resolvers would pass."""
    names = await directory(store)
    minsk = await resolve_actor(store, "Minsk", "actor")
    date_range = {"from": date(2023, 1, 1), "to": date(2023, 12, 31)}
    flagship = {
        "side_country": state_of(minsk),  # a state between two dates: its ENGAGED links are sought
        "side": political_side(minsk, names),
        "country": "country:RU",
        "links": list(LINKS.values()),
        "with_agreements": True,
        "subject_kinds": None,
        "after_key": None,
        "limit": DEFAULT_PAGE + 1,
        **date_range,
    }
    filters = await resolve_event_filter(store, EventFilter())
    page_query, page = event_page_query(
        filters, [EventPageGroup("all", None)], page_request(100, None, 100, with_total=True)
    )
    first_page = await store.read(page_query, **page)
    ids = [item["node"]["id"] for item in first_page[0]["page"][:100]]
    links = {"ids": ids, "links": ["participants", "places"]}
    side = political_side(names.actors[actor], names) if actor in names.actors else [actor]
    actor_query, actor_page = event_page_query(
        await resolve_event_filter(store, EventFilter()),
        [EventPageGroup(actor, side, actor, actor)],
        page_request(20, None, 100, with_total=False, descending=True),
    )
    return {
        "flagship": [("read/region_engagements", flagship)],
        "event page": [(page_query, page), ("read/event_links", links)],
        "actor's 20 latest": [(actor_query, actor_page)],
        "search": [
            (
                "read/search",
                {"lucene": lucene_query(search_terms("Novosibirsk contracts")), "kinds": None, "limit": 10},
            )
        ],
    }


async def time_raw(driver: Any, database: str, steps: list[tuple[str, dict[str, Any]]]) -> float:
    started = time.perf_counter()
    for name, params in steps:
        await driver.execute_query(
            planned_once(name), as_one_map(params), database_=database, routing_=RoutingControl.READ
        )
    return time.perf_counter() - started


async def time_graphql(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> float:
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    elapsed = time.perf_counter() - started
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise SystemExit(f"GraphQL failed: {body}")
    return elapsed


async def side_by_side(
    settings: Settings, store: GraphStore, base_url: str, requests: int, actor: str
) -> dict[str, Any]:
    raw = await raw_requests(store, actor)
    graphql: dict[str, tuple[str, dict[str, Any]]] = {
        "flagship": (FLAGSHIP, {}),
        "event page": (PAGE, {"first": 100}),
        "actor's 20 latest": (ACTOR, {"id": actor}),
        "search": (SEARCH, {}),
    }
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    results = {}
    async with (
        AsyncGraphDatabase.driver(settings.neo4j_uri or "", auth=auth) as driver,
        httpx.AsyncClient(base_url=base_url, timeout=60) as client,
    ):
        for name, steps in raw.items():
            query, variables = graphql[name]
            for _ in range(5):
                await time_raw(driver, settings.neo4j_database, steps)
                await time_graphql(client, query, variables)
            raw_times, api_times = [], []
            for _ in range(requests):
                raw_times.append(await time_raw(driver, settings.neo4j_database, steps))
                api_times.append(await time_graphql(client, query, variables))
            raw_p50, api_p50 = statistics.median(raw_times), statistics.median(api_times)
            results[name] = {
                "raw_p50_ms": round(raw_p50 * 1000, 1),
                "graphql_p50_ms": round(api_p50 * 1000, 1),
                "ratio": round(api_p50 / raw_p50, 2),
            }
    return results


async def round_trips(settings: Settings) -> dict[int, int]:
    app = create_app(settings)
    counts = {}
    transport = httpx.ASGITransport(app=app)
    client = httpx.AsyncClient(transport=transport, base_url="http://kg")
    async with app.router.lifespan_context(app), client as c:
        await c.post("/graphql", json={"query": PAGE, "variables": {"first": 1}})
        for size in (10, 50, 100):
            before = app.state.store.round_trips
            await c.post("/graphql", json={"query": PAGE, "variables": {"first": size}})
            counts[size] = app.state.store.round_trips - before
    return counts


async def load_test(base_url: str, clients: int, seconds: float) -> dict[str, Any]:
    mix = [(FLAGSHIP, {}), (PAGE, {"first": 20}), (SEARCH, {})]
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients)

    async def client_loop(index: int, client: httpx.AsyncClient) -> None:
        nonlocal errors
        turn = index
        while time.perf_counter() < deadline:
            query, variables = mix[turn % len(mix)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await client.post("/graphql", json={"query": query, "variables": variables})
                if response.status_code != 200 or response.json().get("errors"):
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - started)

    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:
        await asyncio.gather(*(client_loop(i, client) for i in range(clients)))
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(ordered),
        "errors": errors,
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 1),
        "requests_per_s": round(len(ordered) / seconds, 1),
    }


async def answer_sizes(base_url: str, actor: str) -> dict[str, int]:
    """How much the flagship and the actor's page answer: regions, events listed, events counted."""
    async with httpx.AsyncClient(base_url=base_url, timeout=120) as client:
        flagship = (await client.post("/graphql", json={"query": FLAGSHIP})).json()["data"]
        flagship = flagship["regionEngagements"]
        answer = (await client.post("/graphql", json={"query": ACTOR, "variables": {"id": actor}})).json()
    return {
        "flagship_regions": len(flagship),
        "flagship_events_listed": sum(len(row["events"]["edges"]) for row in flagship),
        "flagship_events_counted": sum(row["events"]["totalCount"] for row in flagship),
        "actor_events_listed": len((answer["data"]["actor"] or {"events": {"edges": []}})["events"]["edges"]),
    }


async def run(arguments: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    try:
        loaded = await ensure_loaded(store, arguments.data, arguments.events, arguments.no_load)
        print(loaded, flush=True)
        async with serving(settings) as base_url:
            results = {
                "events": arguments.events,
                "data": loaded,
                "side_by_side": await side_by_side(
                    settings, store, base_url, arguments.requests, arguments.actor
                ),
                "answer": await answer_sizes(base_url, arguments.actor),
            }
            if arguments.side_by_side_only:
                return results
            results["round_trips_by_page_size"] = await round_trips(settings)
            results["load"] = await load_test(base_url, arguments.clients, arguments.seconds)
        # The same load without admission control (every request runs at once), for comparison.
        async with serving(settings, KG_MAX_CONCURRENT_REQUESTS="100000") as base_url:
            results["load_without_admission_control"] = await load_test(
                base_url, arguments.clients, arguments.seconds
            )
    finally:
        await store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--data", type=Path, help="a synthetic folder to reuse (generated when missing)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per side and query")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--no-load", action="store_true", help="the server holds the data already")
    parser.add_argument("--actor", default=ACTOR_ID, help="the actor whose 20 latest events are timed")
    parser.add_argument(
        "--side-by-side-only", action="store_true", help="time the requests; no round trips, no load test"
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the results")
    arguments = parser.parse_args()
    with neo4j_server() as settings:
        results = asyncio.run(run(arguments, settings))
    arguments.results.parent.mkdir(exist_ok=True)
    arguments.results.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
