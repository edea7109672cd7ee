"""Our GraphQL API against @neo4j/graphql 7 (the peer) on the same Neo4j and data, on the same answers.

    .venv/bin/python -m benchmarks.peer_benchmark [--events 100000] [--data DIR] [--requests 60]
                                                  [--clients 16] [--seconds 10] [--rounds 2] [--no-load]
                                                  [--only NAME] [--serve-from CHECKOUT] [--output FILE]

Starts a private Neo4j (or uses NEO4J_URI with NEO4J_USER / NEO4J_PASSWORD), loads seed_data/ and synthetic
events (benchmarks/synthetic.py) unless the server holds them already, serves our API (`kg serve`, one
uvicorn worker, default settings) and the peer (benchmarks/peer: Apollo Server with @neo4j/graphql, one Node
process; `npm ci` there first), then for each request:
1. checks both answers are equal once normalised (order of unordered lists, names of fields, enum case);
2. times --requests requests to each, alternating (who goes first alternates too), after 5 warm-ups: p50, p95;
3. runs --clients concurrent clients for --seconds against one server, then the other, --rounds times each
   alternating, and reports requests per second (the median of the rounds).
The peer's queries are written as its documentation allows: a `where` on the start date with `sort` and
`limit` (Neo4j walks the start-date index), the actor's events from the actor node, the generated full-text
query, and our own flagship Cypher in a `@cypher` field. Results: benchmarks/results/peer.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from benchmarks.bench_graph import ensure_loaded, free_port, neo4j_server, server_env, serving
from graph.read.engagements import LINKS, political_side, state_of
from graph.read.lookup import lucene_query, search_terms
from graph.read.names import directory, resolve_actor
from graph.settings import Settings
from graph.store import GraphStore

RESULTS = Path(__file__).with_name("results") / "peer.json"
PEER_DIR = Path(__file__).with_name("peer")

Normalise = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Case:
    name: str
    ours: tuple[str, dict[str, Any]]
    peer: tuple[str, dict[str, Any]]
    normalise_ours: Normalise
    normalise_peer: Normalise
    items: Callable[[Any], int] = len
    """How many items an answer holds, once normalised (results' `answer_items`)."""


OUR_PAGE = """query { events(first: 100) { edges { node {
  id kind title startDate participants { role actor { id name } } places { id name isoCode } } } } }"""
PEER_PAGE = """query { events(where: {startDate: {gte: "0001-01-01"}}, sort: [{startDate: ASC}, {id: ASC}],
  limit: 100) {
  id kind title startDate
  participantsConnection { edges { properties { role } node { id name } } }
  places { id name isoCode } } }"""

OUR_ACTOR = """query ($id: ID!) { actor(id: $id) { id name
  events(first: 20, orderBy: {field: DATE, direction: DESC}) {
    edges { node { id kind title startDate } } } } }"""
PEER_ACTOR = """query ($id: ID!) { actors(where: {id: {eq: $id}}) { id name
  events(sort: [{startDate: DESC}, {id: DESC}], limit: 20) { id kind title startDate } } }"""

OUR_SEARCH = """query ($text: String!) {
  search(text: $text, kinds: ["Actor"], first: 10) { id label score } }"""
PEER_SEARCH = """query ($phrase: String!) {
  actorsByName(phrase: $phrase, first: 10, sort: [{score: DESC}, {node: {id: ASC}}]) {
  edges { score node { id name } } } }"""

OUR_FLAGSHIP = """query {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
  region { id name isoCode } events { totalCount edges { node { id kind title startDate endDate } } } } }"""
PEER_FLAGSHIP = """query ($side_country: String!, $side: [String!]!, $links: [String!]!) {
  regionEngagements(side_country: $side_country, side: $side, country: "country:RU", from: "2023-01-01",
                    to: "2023-12-31", links: $links, with_agreements: true) {
    region { id name isoCode } events { id kind title startDate endDate } eventCount } }"""


def _event(node: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "title", "startDate", "endDate")
    return {"kind": node["kind"].lower(), **{k: node[k] for k in keys if k in node}}


def our_page(data: dict[str, Any]) -> Any:
    return [
        {
            **_event(edge["node"]),
            "participants": sorted(
                (p["role"], p["actor"]["id"], p["actor"]["name"]) for p in edge["node"]["participants"]
            ),
            "places": sorted((p["id"], p["name"], p["isoCode"]) for p in edge["node"]["places"]),
        }
        for edge in data["events"]["edges"]
    ]


def peer_page(data: dict[str, Any]) -> Any:
    return [
        {
            **_event(node),
            "participants": sorted(
                (e["properties"]["role"], e["node"]["id"], e["node"]["name"])
                for e in node["participantsConnection"]["edges"]
            ),
            "places": sorted((p["id"], p["name"], p["isoCode"]) for p in node["places"]),
        }
        for node in data["events"]
    ]


def our_actor(data: dict[str, Any]) -> Any:
    actor = data["actor"]
    return [actor["id"], actor["name"], [_event(edge["node"]) for edge in actor["events"]["edges"]]]


def peer_actor(data: dict[str, Any]) -> Any:
    [actor] = data["actors"]
    return [actor["id"], actor["name"], [_event(node) for node in actor["events"]]]


def our_search(data: dict[str, Any]) -> Any:
    return sorted((-round(hit["score"], 3), hit["id"], hit["label"]) for hit in data["search"])


def peer_search(data: dict[str, Any]) -> Any:
    edges = data["actorsByName"]["edges"]
    return sorted((-round(e["score"], 3), e["node"]["id"], e["node"]["name"]) for e in edges)


def our_flagship(data: dict[str, Any]) -> Any:
    """Per region: its first page of events (20) and the count of all of them."""
    return sorted(
        (
            row["region"]["id"],
            row["region"]["name"],
            sorted(_event(e["node"])["id"] for e in row["events"]["edges"]),
            row["events"]["totalCount"],
        )
        for row in data["regionEngagements"]
    )


def peer_flagship(data: dict[str, Any]) -> Any:
    return sorted(
        (
            row["region"]["id"],
            row["region"]["name"],
            sorted(_event(e)["id"] for e in row["events"]),
            row["eventCount"],
        )
        for row in data["regionEngagements"]
    )


async def cases(store: GraphStore) -> list[Case]:
    """The four requests; the actor is the person or organisation with the most events (20 at least, so its
    page is full) among those for whom our meaning of "its events" (it took part, in the event or in the trip
    the event is a leg of, or the event is about it) and the peer's (PARTICIPANT) give the same 20 latest,
    which the equality check confirms."""
    names = await directory(store)
    minsk = await resolve_actor(store, "Minsk", "actor")
    found = await store.read("benchmark_busiest_person")
    if not found:
        raise SystemExit("no person or organisation has 20 events both APIs list alike: load more")
    [row] = found
    search_text = "Sidorov Sergei"
    return [
        Case("event page (100, participants, places)", (OUR_PAGE, {}), (PEER_PAGE, {}), our_page, peer_page),
        Case(
            "an actor's 20 latest events",
            (OUR_ACTOR, {"id": row["id"]}),
            (PEER_ACTOR, {"id": row["id"]}),
            our_actor,
            peer_actor,
            lambda answer: len(answer[2]),  # its events, not [id, name, events]
        ),
        Case(
            "full-text search on actors",
            (OUR_SEARCH, {"text": search_text}),
            (PEER_SEARCH, {"phrase": lucene_query(search_terms(search_text))}),
            our_search,
            peer_search,
        ),
        Case(
            "flagship (peer: our Cypher in @cypher)",
            (OUR_FLAGSHIP, {}),
            (
                PEER_FLAGSHIP,
                {
                    "side_country": state_of(minsk),
                    "side": political_side(minsk, names),
                    "links": sorted(LINKS.values()),
                },
            ),
            our_flagship,
            peer_flagship,
        ),
    ]


async def ask(client: httpx.AsyncClient, path: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json={"query": query, "variables": variables})
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise SystemExit(f"{client.base_url}{path} failed: {json.dumps(body)[:2000]}")
    data: dict[str, Any] = body["data"]
    return data


async def timed(client: httpx.AsyncClient, path: str, query: str, variables: dict[str, Any]) -> float:
    started = time.perf_counter()
    await ask(client, path, query, variables)
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def throughput(
    base_url: str, path: str, query: str, variables: dict[str, Any], clients: int, seconds: float
) -> float:
    done = 0
    deadline = time.perf_counter() + seconds

    async def loop(client: httpx.AsyncClient) -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            await ask(client, path, query, variables)
            done += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(loop(client) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return done / elapsed


async def measure(case: Case, ours: str, peer: str, arguments: argparse.Namespace) -> dict[str, Any]:
    sides = {"kg": (ours, "/graphql", case.ours), "peer": (peer, "/", case.peer)}
    async with (
        httpx.AsyncClient(base_url=ours, timeout=120) as our_client,
        httpx.AsyncClient(base_url=peer, timeout=120) as peer_client,
    ):
        clients = {"kg": our_client, "peer": peer_client}
        answers = {}
        for side, (_, path, (query, variables)) in sides.items():
            answers[side] = await ask(clients[side], path, query, variables)
        mine, theirs = case.normalise_ours(answers["kg"]), case.normalise_peer(answers["peer"])
        if mine != theirs:
            raise SystemExit(
                f"{case.name}: the answers differ\n  kg:   {json.dumps(mine, default=str)[:1500]}\n"
                f"  peer: {json.dumps(theirs, default=str)[:1500]}"
            )
        times: dict[str, list[float]] = {"kg": [], "peer": []}
        for turn in range(5 + arguments.requests):
            order = ("kg", "peer") if turn % 2 == 0 else ("peer", "kg")
            for side in order:
                _, path, (query, variables) = sides[side]
                elapsed = await timed(clients[side], path, query, variables)
                if turn >= 5:
                    times[side].append(elapsed)
    rates: dict[str, list[float]] = {"kg": [], "peer": []}
    for turn in range(arguments.rounds):
        for side in ("kg", "peer") if turn % 2 == 0 else ("peer", "kg"):
            base_url, path, (query, variables) = sides[side]
            rate = await throughput(base_url, path, query, variables, arguments.clients, arguments.seconds)
            rates[side].append(rate)
    result: dict[str, Any] = {"answer_items": case.items(mine) if isinstance(mine, list) else None}
    for side in ("kg", "peer"):
        result[side] = {
            "p50_ms": round(statistics.median(times[side]) * 1000, 1),
            "p95_ms": round(percentile(times[side], 0.95) * 1000, 1),
            "requests_per_s": round(statistics.median(rates[side]), 1),
            "requests_per_s_rounds": [round(rate, 1) for rate in rates[side]],
        }
    result["p50_kg_over_peer"] = round(result["kg"]["p50_ms"] / result["peer"]["p50_ms"], 2)
    result["throughput_kg_over_peer"] = round(
        result["kg"]["requests_per_s"] / result["peer"]["requests_per_s"], 2
    )
    return result


@asynccontextmanager
async def peer_serving(settings: Settings) -> AsyncIterator[str]:
    """The peer (benchmarks/peer/server.mjs) in a child Node process; its base URL."""
    if not (PEER_DIR / "node_modules").is_dir():
        raise SystemExit(f"run `npm ci` in {PEER_DIR} first")
    port = free_port()
    peer = subprocess.Popen(
        ["node", "server.mjs"],
        cwd=PEER_DIR,
        env={**os.environ, **server_env(settings), "PEER_PORT": str(port), "NODE_ENV": "production"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base_url) as client:
            for _ in range(300):
                if peer.poll() is not None:
                    error = peer.stderr.read().decode() if peer.stderr else ""
                    raise SystemExit(f"the peer exited with code {peer.returncode}:\n{error[-3000:]}")
                try:
                    await client.post("/", json={"query": "{ __typename }"})
                    break
                except httpx.HTTPError:
                    await asyncio.sleep(0.2)
        yield base_url
    finally:
        peer.terminate()
        peer.wait()


async def run(arguments: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    try:
        loaded = await ensure_loaded(store, arguments.data, arguments.events, arguments.no_load)
        print(loaded, flush=True)
        requests = await cases(store)
    finally:
        await store.close()
    results: dict[str, Any] = {
        "events": arguments.events,
        "data": loaded,
        "requests_per_side": arguments.requests,
        "clients": arguments.clients,
        "seconds": arguments.seconds,
        "rounds": arguments.rounds,
        "kg_served_from": str(arguments.serve_from or "this checkout"),
        "cases": {},
    }
    async with serving(settings, arguments.serve_from) as ours, peer_serving(settings) as peer:
        for case in requests:
            if arguments.only and arguments.only not in case.name:
                continue
            results["cases"][case.name] = await measure(case, ours, peer, arguments)
            print(case.name, json.dumps(results["cases"][case.name]), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--data", type=Path, help="a synthetic folder to reuse (generated when missing)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per side and request")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of one throughput round")
    parser.add_argument("--rounds", type=int, default=2, help="throughput rounds per side")
    parser.add_argument("--only", help="measure only the requests whose name contains this")
    parser.add_argument("--no-load", action="store_true", help="the server holds the data already")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--serve-from", type=Path, help="serve our API from another checkout (/work/main): before/after"
    )
    arguments = parser.parse_args()
    with neo4j_server() as settings:
        results = asyncio.run(run(arguments, settings))
    arguments.output.parent.mkdir(exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
