"""The aggregation queries (eventStats, agreementStats) and the flagship, profiled on synthetic events.

    .venv/bin/python benchmarks/stats_profile.py [--events 20000] [--data DIR] [--runs 7] [--no-load]

Starts a private Neo4j (or uses NEO4J_URI), loads a synthetic folder (benchmarks/synthetic.py, generated when
--data has none) unless --no-load, then for each case runs the query once under PROFILE (database hits,
rows, the operators used) and --runs times plainly through the driver, and reports the median and the
slowest time in milliseconds (the first run, which warms the plan cache, is not counted). The parameters are
built by the same code the API uses (graph/read/stats.py, graph/read/filters.py), so the Cypher profiled is
the Cypher served. Results: benchmarks/results/stats.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver

from benchmarks.synthetic import generate
from graph.load import load_paths
from graph.model.actors import SUBJECT_KINDS
from graph.neo4j_server import server
from graph.queries import as_one_map, planned_once
from graph.read.engagements import LINKS
from graph.read.filters import EventFilter, resolve_event_filter
from graph.read.stats import AGREEMENT_GROUPS, AGREEMENT_KEYS, EVENT_GROUPS, EVENT_KEYS, grouping
from graph.schema import migrate
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from graph.store import GraphStore

RESULTS = Path(__file__).resolve().parent / "results" / "stats.json"
NO_AGREEMENT_FILTER = {"kinds": None, "party": None, "min_value_usd": None, "from": None, "to": None}


async def event_case(
    store: GraphStore, group_by: list[str], legs: bool = False, **given: Any
) -> dict[str, Any]:
    filters = await resolve_event_filter(store, EventFilter(**given))
    groups = grouping(group_by, EVENT_GROUPS)
    return {
        **filters.params(),
        "side": filters.side,
        "legs": legs,
        "with_value": True,
        **groups.params(EVENT_KEYS),
    }


def agreement_case(group_by: list[str]) -> dict[str, Any]:
    groups = grouping(group_by, AGREEMENT_GROUPS)
    return {**NO_AGREEMENT_FILTER, **groups.params(AGREEMENT_KEYS)}


async def cases(store: GraphStore, driver: AsyncDriver) -> list[tuple[str, str, dict[str, Any]]]:
    async with driver.session() as session:
        record = await (
            await session.run(
                "MATCH (a:Actor)<-[:PARTICIPANT]-(:Event) WHERE a:Person "
                "RETURN a.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1"
            )
        ).single()
    busiest = record["id"] if record else None
    side = [busiest] if busiest else []
    return [
        ("events per month and kind", "read/event_stats", await event_case(store, ["month", "kind"])),
        ("events per region in RU, with values", "read/event_stats",
         await event_case(store, ["region"], country="RU")),
        ("events per actor", "read/event_stats", await event_case(store, ["actor"])),
        ("events per source and year, legs", "read/event_stats",
         await event_case(store, ["source", "year"], legs=True)),
        ("one actor's events per kind", "read/event_stats", await event_case(store, ["kind"], actor=busiest)),
        ("events per week, 2023 visits", "read/event_stats",
         await event_case(store, ["week"], kinds=("visit",), start=date(2023, 1, 1), end=date(2023, 12, 31))),
        ("agreements per party", "read/agreement_stats", agreement_case(["party"])),
        ("agreements per region and quarter", "read/agreement_stats", agreement_case(["region", "quarter"])),
        ("agreements per currency", "read/agreement_stats", agreement_case(["currency"])),
        ("flagship, one person, every channel, oblasts only", "read/region_engagements_walk", {
            "side": side, "country": "country:RU", "from": None, "to": None,
            "links": list(LINKS.values()), "with_agreements": True, "subject_kinds": ["oblast"],
            "after_key": None, "limit": 21,
        }),
        ("flagship, one person, every channel and kind", "read/region_engagements_walk", {
            "side": side, "country": "country:RU", "from": None, "to": None,
            "links": list(LINKS.values()), "with_agreements": True, "subject_kinds": list(SUBJECT_KINDS),
            "after_key": None, "limit": 21,
        }),
    ]  # fmt: skip


def _hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_hits(child) for child in plan.get("children", []))


def _operators(plan: dict[str, Any]) -> set[str]:
    found = {str(plan.get("operatorType", "")).split("@")[0]}
    for child in plan.get("children", []):
        found |= _operators(child)
    return found


async def measure(driver: AsyncDriver, query: str, params: dict[str, Any], runs: int) -> dict[str, Any]:
    text, params = planned_once(query), as_one_map(params)
    async with driver.session() as session:
        result = await session.run("PROFILE " + text, params)
        rows = len([record async for record in result])
        summary = await result.consume()
        plan = dict(summary.profile or {})
        times: list[float] = []
        for _ in range(runs + 1):
            started = time.perf_counter()
            result = await session.run(text, params)
            _ = [record async for record in result]
            times.append((time.perf_counter() - started) * 1000)
    counted = times[1:]
    return {
        "rows": rows,
        "db_hits": _hits(plan),
        "eager": "Eager" in _operators(plan),
        "p50_ms": round(statistics.median(counted), 1),
        "max_ms": round(max(counted), 1),
    }


async def run(arguments: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
    await migrate(store)
    if not arguments.no_load:
        data: Path = arguments.data or Path(tempfile.mkdtemp(prefix="kg-synthetic-"))
        if not (data / "reference").is_dir():
            generate(data, arguments.events)
        await load_paths(store, [data], reference_dir=data / "reference")
    try:
        async with store.driver.session() as session:
            count = await (await session.run("MATCH (e:Event) RETURN count(e) AS n")).single()
        results: dict[str, Any] = {"events_in_graph": count["n"] if count else 0, "cases": {}}
        for name, query, params in await cases(store, store.driver):
            results["cases"][name] = {
                "query": query,
                **await measure(store.driver, query, params, arguments.runs),
            }
            print(name, results["cases"][name], flush=True)
    finally:
        await store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--data", type=Path, help="a synthetic folder to reuse (generated when missing)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (after one warm-up)")
    parser.add_argument(
        "--no-load", action="store_true", help="the graph at NEO4J_URI holds the data already"
    )
    arguments = parser.parse_args()
    uri = os.environ.get("NEO4J_URI")
    scratch = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    if not uri:
        options = server.ServerOptions(scratch, 0, "neo4j", LOCAL_DEV_PASSWORD, heap="1g", pagecache="512m")
        uri = server.start(options).uri
    settings = Settings(neo4j_uri=uri)
    try:
        results = asyncio.run(run(arguments, settings))
    finally:
        if not os.environ.get("NEO4J_URI"):
            server.stop(scratch)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
