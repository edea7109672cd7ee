"""Loader throughput against a bare batched CREATE (the floor) and one MERGE per row (the naive way).

    NEO4J_URI=bolt://... .venv/bin/python -m benchmarks.load_benchmark --events 100000

All three write the same synthetic digests (benchmarks/synthetic.py) into the same, emptied Neo4j, one after
the other. The loader runs as `kg load` in a child process, so its time includes start-up, parsing,
validation and name resolution, and its peak RSS is its own. The floor and naive writers get their rows
ready-made (building them is not timed). The naive way is timed on the first --naive-files digests only
and reported as a rate. Prints a Markdown table for BENCHMARKS.md; `--write` also appends the figures (with
`--label` and the load average) to benchmarks/results/load.json (or the file given).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.baselines import write_floor, write_naive
from benchmarks.flat_rows import FlatFile, flatten
from benchmarks.synthetic import generate
from graph.connection import open_store
from graph.load.reading import RawFile
from graph.load.summary import LoadSummary
from graph.load.validation import check_files
from graph.load.writer import FileWriter
from graph.schema import migrate
from graph.settings import get_settings
from graph.store import GraphStore

RESULTS = Path(__file__).with_name("results") / "load.json"
CLEAR = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)
HISTORY = "n:Change OR n:Load OR n:LoadIds OR n:Report OR n:Candidate OR n:MatchLock OR n:SourceText"
COUNT = (
    f"CALL () {{ MATCH (n) WHERE NOT ({HISTORY}) RETURN count(n) AS nodes }} "
    f"CALL () {{ MATCH (n)-[r]->(m) WHERE NOT ({HISTORY}) AND NOT m:SourceText AND NOT r:ENGAGED "
    "RETURN count(r) AS rels } "
    "RETURN nodes, rels"
)
"""The graph's size without what the loader keeps beside the facts and the floor does not write: the
:Change:Load record per file and its :LoadIds (the ids it created and updated, a node per block), the
:Report per fact and their links, the matcher's :Candidate pairs and :MatchLock nodes, each source's
stored text (:SourceText), and the flagship's ENGAGED links (queries/engaged_refresh.cypher). The loader's
rows/s count only what the floor writes too: what it keeps beside costs it time and earns it no rows."""


async def clear(store: GraphStore) -> None:
    """Empty the graph in small transactions (a hub's relationships at once can exceed the memory pool)."""
    for query in CLEAR:
        await run_cypher(store, query)


async def run_cypher(store: GraphStore, query: str) -> list[dict[str, int]]:
    async with store.driver.session(database=store.database) as session:
        return await (await session.run(query)).data()


def kg(*args: str) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of a `kg` command run as a child process (its CPU seconds, user and system,
    go to `LAST_CPU`)."""
    command = [sys.executable, "-m", "graph.cli", *args]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss


LAST_CPU = [0.0]
"""CPU seconds of the last `kg` child (with its reaped children: the first pass's worker processes when it
ran any)."""


def run_loader(data: Path, batch_size: int) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of `kg load` over the synthetic folder, as a child process."""
    return kg("load", str(data), "--reference", str(data / "reference"), "--batch-size", str(batch_size))


def flat_files(data: Path, files: int | None = None) -> Iterator[FlatFile]:
    """The rows of the reference file and the first `files` digests (all by default), one file at a time."""
    checked = check_files([data], data / "reference")
    writer = FileWriter(None, checked.catalog, checked.texts, LoadSummary())  # type: ignore[arg-type]
    days: set[object] = set()
    for file in checked.files[: files + 1 if files else None]:
        yield flatten(writer.rows(writer.records(RawFile(file.path, file.name), file)), days)


async def benchmark(arguments: argparse.Namespace) -> None:
    data: Path = arguments.data or Path(tempfile.mkdtemp(prefix="kg-synthetic-"))
    if not (data / "reference").is_dir():
        started = time.perf_counter()
        generate(data, arguments.events, arguments.events_per_file)
        print(f"generated {arguments.events} events in {time.perf_counter() - started:.1f}s under {data}")
    store = open_store(get_settings())
    await migrate(store)
    await clear(store)

    loader_times: list[float] = []
    floor_times: list[float] = []
    naive_times: list[float] = []
    peak_rss = 0
    loader_cpu: list[float] = []
    load_average = [os.getloadavg()[0]]
    autocommit_times: list[float] = []
    autocommit_rows: list[int] = []
    naive_rows_seen: list[int] = []
    counts: dict[str, int] = {}
    reload_seconds = 0.0
    floor_rows = 0
    for round_number in range(arguments.rounds):
        await clear(store)
        seconds, rss_kib = run_loader(data, arguments.batch_size)
        loader_times.append(seconds)
        loader_cpu.append(LAST_CPU[0])
        peak_rss = max(peak_rss, rss_kib)
        counts = (await run_cypher(store, COUNT))[0]
        print(
            f"round {round_number + 1}: loader {seconds:.1f}s ({LAST_CPU[0]:.1f} CPU-s) for {counts}, "
            f"RSS {rss_kib / 1024:.0f} MiB",
            flush=True,
        )
        if round_number == 0 and arguments.reload:
            reload_seconds, _ = run_loader(data, arguments.batch_size)
            assert (await run_cypher(store, COUNT))[0] == counts, "a second load changed the graph"
            print(f"loader again: {reload_seconds:.1f}s", flush=True)
        await clear(store)
        floor_seconds = 0.0
        floor_rows = 0
        for flat in flat_files(data):
            floor_seconds += await write_floor(store.driver, store.database, flat, arguments.batch_size)
            floor_rows += flat.rows
        floor_counts = (await run_cypher(store, COUNT))[0]
        assert floor_counts == counts, f"the floor wrote a different graph: {floor_counts}, not {counts}"
        floor_times.append(floor_seconds)
        print(f"round {round_number + 1}: floor {floor_seconds:.1f}s for {floor_rows} rows", flush=True)
        this_round = (counts["nodes"] + counts["rels"]) / loader_times[-1] / (floor_rows / floor_seconds)
        print(f"round {round_number + 1}: loader rows/s ÷ floor rows/s = {this_round:.2f}", flush=True)
        for autocommit in (False, True) if arguments.naive else ():
            await clear(store)
            naive_seconds, naive_count = 0.0, 0
            for flat in flat_files(data, arguments.naive_files):
                limit = arguments.autocommit_rows - naive_count if autocommit else flat.rows
                seconds, count = await write_naive(store.driver, store.database, flat, autocommit, limit)
                naive_seconds, naive_count = naive_seconds + seconds, naive_count + count
            (autocommit_times if autocommit else naive_times).append(naive_seconds)
            (autocommit_rows if autocommit else naive_rows_seen).append(naive_count)
            kind = "auto-committed" if autocommit else "one transaction per file"
            print(
                f"round {round_number + 1}: naive ({kind}) {naive_seconds:.1f}s for {naive_count} rows",
                flush=True,
            )
    await store.close()
    load_average.append(os.getloadavg()[0])
    rows = counts["nodes"] + counts["rels"]
    loader_seconds = statistics.median(loader_times)
    floor_seconds = statistics.median(floor_times)
    if not arguments.naive:  # the loader against the floor only
        naive_times, naive_rows_seen, autocommit_times, autocommit_rows = [1.0], [0], [1.0], [0]
    naive_seconds = statistics.median(naive_times)
    naive_rows = naive_rows_seen[0]
    autocommit_seconds = statistics.median(autocommit_times)
    rss_kib = peak_rss

    events = arguments.events
    loader_rate, floor_rate, naive_rate = (
        rows / loader_seconds,
        floor_rows / floor_seconds,
        naive_rows / naive_seconds,
    )
    print(
        f"\n{events} events, {rows} rows ({counts['nodes']} nodes, {counts['rels']} relationships), "
        f"batch size {arguments.batch_size}\n"
    )
    table = [
        ("`kg load` (parse, validate, resolve, MERGE)", loader_seconds, events, loader_rate),
        ("floor: batched `UNWIND $rows CREATE`", floor_seconds, events, floor_rate),
        (
            f"naive: one MERGE per row, one transaction per file ({naive_rows} rows)",
            naive_seconds,
            None,
            naive_rate,
        ),
        (
            f"naive: one auto-committed MERGE per row ({autocommit_rows[0]} rows)",
            autocommit_seconds,
            None,
            autocommit_rows[0] / autocommit_seconds,
        ),
        ("`kg load` again (nothing changed)", reload_seconds, events, None),
    ]
    table = [line for line in table if arguments.naive or not line[0].startswith("naive")]
    table = [line for line in table if arguments.reload or "again" not in line[0]]
    print("| writer | seconds | events/s | rows/s | loader rows/s ÷ this |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, count, rate in table:
        per_event = f"{count / seconds:,.0f}" if count else "–"
        per_row = f"{rate:,.0f}" if rate else "–"
        ratio = f"{loader_rate / rate:.2f}" if rate else "–"
        print(f"| {name} | {seconds:.1f} | {per_event} | {per_row} | {ratio} |")
    print(f"\nmedians of {arguments.rounds} alternated rounds; loader peak RSS: {rss_kib / 1024:.0f} MiB")
    if arguments.write:
        result = {
            "label": arguments.label,
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "events": events,
            "rows": rows,
            "rounds": arguments.rounds,
            "loader_seconds": round(loader_seconds, 1),
            "loader_cpu_seconds": round(statistics.median(loader_cpu), 1),
            "floor_seconds": round(floor_seconds, 1),
            "floor_over_loader": round(loader_rate / floor_rate, 3),
            "loader_peak_rss_mib": round(rss_kib / 1024),
            "load_average_1min": [round(each, 1) for each in load_average],
        }
        earlier = json.loads(arguments.write.read_text(encoding="utf-8")) if arguments.write.exists() else []
        arguments.write.write_text(json.dumps([*earlier, result], indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--events-per-file", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--naive-files", type=int, default=1, help="digests the naive way is timed on")
    parser.add_argument("--rounds", type=int, default=2, help="loader, floor and naive runs, alternated")
    parser.add_argument(
        "--autocommit-rows", type=int, default=3000, help="rows the auto-committed naive way writes"
    )
    parser.add_argument("--data", type=Path, help="a synthetic folder to reuse (generated when missing)")
    parser.add_argument(
        "--no-reload", dest="reload", action="store_false", help="do not time a second load of the same data"
    )
    parser.add_argument(
        "--no-naive", dest="naive", action="store_false", help="time the loader and the floor only"
    )
    parser.add_argument(
        "--write",
        type=Path,
        nargs="?",
        const=RESULTS,
        help="append the figures to a JSON file (default benchmarks/results/load.json)",
    )
    parser.add_argument("--label", default="this tree", help="what the figures are of, for --write")
    asyncio.run(benchmark(parser.parse_args()))


if __name__ == "__main__":
    main()
