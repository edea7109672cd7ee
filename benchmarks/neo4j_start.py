"""Time `kg neo4j start` with an empty Maven cache (downloading) and warm (cached); the server's peak memory.

    .venv/bin/python benchmarks/neo4j_start.py [--runs 3]

The downloading start uses a throw-away HOME, so ~/.m2 and ~/.cache/kg start empty; cached starts reuse it.
Peak memory is the JVM's VmHWM after a small write-and-read workload, with the default heap and page cache.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neo4j import GraphDatabase

from graph.neo4j_server.server import peak_memory_mib, running_state
from graph.settings import LOCAL_DEV_PASSWORD, Settings

RESULTS = Path(__file__).with_name("results") / "neo4j_start.json"


def kg(home: Path, *args: str) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_", "XDG_"))}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graph.cli", *args], env={**env, "HOME": str(home)}, check=True)
    return time.perf_counter() - began


def workload(uri: str) -> None:
    with GraphDatabase.driver(uri, auth=("neo4j", LOCAL_DEV_PASSWORD)) as driver:
        rows = [{"id": f"n{i}", "name": f"node {i}"} for i in range(50_000)]
        driver.execute_query("UNWIND $rows AS r CREATE (:Bench {id: r.id, name: r.name})", rows=rows)
        driver.execute_query("MATCH (b:Bench) WHERE b.name CONTAINS '99' RETURN count(b)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="cached starts to time")
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as scratch:
        home, data = Path(scratch) / "home", Path(scratch) / "data"
        home.mkdir()
        first = kg(home, "neo4j", "start", "--data-dir", str(data), "--port", "0")
        kg(home, "neo4j", "stop", "--data-dir", str(data))
        cached = []
        for _ in range(args.runs):
            cached.append(kg(home, "neo4j", "start", "--data-dir", str(data), "--port", "0"))
            state = running_state(data)
            assert state
            workload(state.uri)
            peak = peak_memory_mib(state.pid)
            kg(home, "neo4j", "stop", "--data-dir", str(data))
    result = {
        "first_start_s": round(first, 1),
        "cached_start_s": [round(t, 1) for t in cached],
        "cached_start_median_s": round(statistics.median(cached), 1),
        "cached_over_first": round(statistics.median(cached) / first, 2),
        "peak_rss_mib": round(peak or 0),
        "heap": settings.neo4j_heap,
        "pagecache": settings.neo4j_pagecache,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
