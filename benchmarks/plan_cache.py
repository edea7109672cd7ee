"""How long a new combination of filters waits for Neo4j to plan its query: parameters as written against
parameters in one map (graph.queries.planned_once), on the seed.

    NEO4J_URI=bolt://127.0.0.1:PORT .venv/bin/python -m benchmarks.plan_cache [--rounds 3]

Neo4j caches a plan per query text and the types of its parameters (a list's size included). Each case is
a request an analyst may send (the statistics of `eventStats`, a page of `events`), its parameters built by
the API's own code; each round clears the query caches, then runs every case twice in each mode: the first
run pays for any planning its parameter types need, the second does not. Modes alternate within a round.
Results: benchmarks/results/plan_cache.json (per case and mode, the median of the rounds, in ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.stats_profile import event_case
from graph.load import load_paths
from graph.queries import as_one_map, cypher, planned_once
from graph.read.filters import EventFilter, resolve_event_filter
from graph.read.lists import EventPageGroup, event_page_query
from graph.read.pages import page_request
from graph.schema import migrate
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from graph.store import GraphStore

RESULTS = Path(__file__).resolve().parent / "results" / "plan_cache.json"
SEED = Path(__file__).resolve().parent.parent / "seed_data"
FILTERS: dict[str, dict[str, Any]] = {
    "no filter": {},
    "one kind": {"kinds": ("visit",)},
    "two kinds": {"kinds": ("visit", "meeting")},
    "from a date": {"start": date(2023, 1, 1)},
    "an actor": {"actor": "Lukashenka"},
    "a place": {"place": "Pskov region"},
    "a country": {"country": "Russia"},
    "text": {"text": "contract"},
}


async def page_case(store: GraphStore, given: dict[str, Any]) -> dict[str, Any]:
    filters = await resolve_event_filter(store, EventFilter(**given))
    page = page_request(20, None, 100, True, order="title")
    groups = [EventPageGroup("all", filters.side, filters.actor)]
    return event_page_query(filters, groups, page, ["participants", "places"])[1]


async def cases(store: GraphStore) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for name, given in FILTERS.items():
        found.append(
            (f"eventStats by month, {name}", "read/event_stats", await event_case(store, ["month"], **given))
        )
        found.append((f"events by title, {name}", "read/events_page_sorted", await page_case(store, given)))
    return found


async def timed(store: GraphStore, text: str, params: dict[str, Any]) -> float:
    started = time.perf_counter()
    async with store.driver.session(database=store.database) as session:
        await (await session.run(text, params)).consume()
    return (time.perf_counter() - started) * 1000


async def run(arguments: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    await migrate(store)
    if not (await store.read("read/event_by_id", id="event:2023-04-26-golovchenko-novosibirsk-visit")):
        await load_paths(store, [SEED], reference_dir=SEED / "reference")
    times: dict[str, dict[str, list[float]]] = {}
    try:
        all_cases = await cases(store)
        for round_number in range(arguments.rounds):
            modes: list[tuple[str, Callable[[str], str], Callable[[dict[str, Any]], dict[str, Any]]]] = [
                ("as written", cypher, dict),
                ("one map", planned_once, as_one_map),
            ]
            for mode, text_of, params_of in modes if round_number % 2 == 0 else modes[::-1]:
                async with store.driver.session(database=store.database) as session:
                    await (await session.run("CALL db.clearQueryCaches()")).consume()
                for name, query, params in all_cases:
                    text, given = text_of(query), params_of(params)
                    first, again = await timed(store, text, given), await timed(store, text, given)
                    entry = times.setdefault(name, {}).setdefault(mode, [])
                    entry.append(first)
                    times[name].setdefault(f"{mode}, again", []).append(again)
            print(f"round {round_number + 1} done", flush=True)
    finally:
        await store.close()
    medians = {name: {mode: round(statistics.median(runs), 1) for mode, runs in by_mode.items()}
               for name, by_mode in times.items()}  # fmt: skip
    totals = {
        mode: round(sum(case[mode] for case in medians.values()), 1) for mode in next(iter(medians.values()))
    }
    return {"rounds": arguments.rounds, "cases": medians, "sum of medians (ms)": totals}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise SystemExit("set NEO4J_URI to a running Neo4j (kg neo4j start)")
    password = os.environ.get("NEO4J_PASSWORD", LOCAL_DEV_PASSWORD)
    settings = Settings(neo4j_uri=uri, neo4j_password=password, env="local")
    results = asyncio.run(run(arguments, settings))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for name, by_mode in results["cases"].items():
        print(f"{name:45s} " + "  ".join(f"{mode} {ms:8.1f}" for mode, ms in by_mode.items()))
    print("sum of medians (ms):", results["sum of medians (ms)"])


if __name__ == "__main__":
    main()
