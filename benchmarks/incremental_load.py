"""Incremental load: one 1,000-event digest into an empty graph and into one holding 100,000 events.

    NEO4J_URI=bolt://127.0.0.1:PORT .venv/bin/python -m benchmarks.incremental_load --events 100000 \
        --data /tmp/kg-synth-incremental --rounds 3

The synthetic folder (benchmarks/synthetic.py) gets one digest more than --events: the last one is the new
week's digest. "Empty" is a graph holding the reference actors only; "full" holds the reference actors and
the --events before it (loaded by `kg load`, its time reported as the bulk load). Each round times `kg load`
of the new digest as a child process (start-up, checks, writes), then withdraws it with `kg unload`, so the
next round starts from the same graph. Prints the medians and their ratio (target: full ÷ empty ≤ 1.3), and
writes them to benchmarks/results/incremental_load.json (--results for another file).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import tempfile
from pathlib import Path

from benchmarks.load_benchmark import COUNT, clear, kg, run_cypher
from benchmarks.synthetic import generate
from graph.connection import open_store
from graph.schema import migrate
from graph.settings import get_settings

RESULTS = Path(__file__).with_name("results") / "incremental_load.json"


def timed_rounds(new: Path, reference: Path, rounds: int) -> list[float]:
    times: list[float] = []
    for _ in range(rounds):
        seconds, _ = kg("load", str(new), "--reference", str(reference))
        times.append(seconds)
        kg("unload", str(new))
    return times


async def benchmark(arguments: argparse.Namespace) -> None:
    data: Path = arguments.data or Path(tempfile.mkdtemp(prefix="kg-incremental-"))
    per_file = 1000
    if not (data / "reference").is_dir():
        generate(data, arguments.events + per_file, per_file)
    digests = sorted(data.glob("digest-*.yaml"))
    new, old = digests[-1], digests[:-1]
    reference = data / "reference"
    store = open_store(get_settings())
    await migrate(store)
    await clear(store)

    kg("load", str(reference / "actors.yaml"), "--reference", "")
    empty = timed_rounds(new, reference, arguments.rounds)
    print(f"into an empty graph: {[round(t, 1) for t in empty]}", flush=True)

    bulk, rss = kg("load", *map(str, old), "--reference", str(reference))
    counts = (await run_cypher(store, COUNT))[0]
    print(f"bulk load of {len(old)} digests: {bulk:.1f}s, RSS {rss / 1024:.0f} MiB, {counts}", flush=True)
    full = timed_rounds(new, reference, arguments.rounds)
    print(f"into the full graph: {[round(t, 1) for t in full]}", flush=True)

    empty_median, full_median = statistics.median(empty), statistics.median(full)
    print()
    print(f"| graph before | digest load, median of {arguments.rounds} (s) | runs (s) |")
    print("| --- | ---: | --- |")
    print(f"| reference actors only | {empty_median:.2f} | {', '.join(f'{t:.2f}' for t in empty)} |")
    print(f"| + {arguments.events:,} events | {full_median:.2f} | {', '.join(f'{t:.2f}' for t in full)} |")
    print(f"\nfull ÷ empty: **{full_median / empty_median:.2f}** (target ≤ 1.3)")
    await store.close()
    result = {
        "events": arguments.events,
        "rounds": arguments.rounds,
        "bulk_load_seconds": round(bulk, 2),
        "empty_seconds": [round(t, 2) for t in empty],
        "full_seconds": [round(t, 2) for t in full],
        "empty_median": round(empty_median, 2),
        "full_median": round(full_median, 2),
        "ratio": round(full_median / empty_median, 2),
        "load_average": [round(each, 2) for each in os.getloadavg()],
        "python": platform.python_version(),
    }
    arguments.results.parent.mkdir(parents=True, exist_ok=True)
    arguments.results.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, help="a synthetic folder to reuse (generated when missing)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the results")
    asyncio.run(benchmark(parser.parse_args()))


if __name__ == "__main__":
    main()
