"""Where a fresh bulk load spends its time, in this process: pyinstrument over `load_paths`.

    NEO4J_URI=bolt://... .venv/bin/python -m benchmarks.profile_load --events 5000 [--html out.html]

Empties the graph, loads the synthetic digests (benchmarks/synthetic.py, generated into --data when missing)
and prints pyinstrument's call tree. Waits on Neo4j show as time in the driver's socket reads; the rest is
the loader's own Python (parsing, checks, rows, reports bookkeeping). So the waits are then split by query:
the server's own time for each written batch (its result summary), and the time of each named read.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import weakref
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from neo4j import AsyncResult, AsyncTransaction
from pyinstrument import Profiler

from benchmarks.load_benchmark import clear
from benchmarks.synthetic import generate
from graph.connection import open_store
from graph.load import load_paths
from graph.queries import QUERIES_DIR, cypher, planned_once, planned_to_keep
from graph.schema import migrate
from graph.settings import get_settings
from graph.store import GraphStore, _StoreReader


@contextmanager
def query_times() -> Iterator[dict[str, float]]:
    """Seconds per named query while the block runs: writes as the server counts them, reads end to end
    (those through a store, those inside the loader's write transaction and the candidate searches it runs
    outside)."""
    named = [str(path.relative_to(QUERIES_DIR).with_suffix("")) for path in QUERIES_DIR.rglob("*.cypher")]
    texts = (cypher, planned_once, planned_to_keep)
    names = {text(name): Path(name).name for name in named for text in texts}
    spent: dict[str, float] = defaultdict(float)
    consume, read = AsyncResult.consume, GraphStore.read
    run, iterate = AsyncTransaction.run, AsyncResult.__aiter__
    started: weakref.WeakKeyDictionary[AsyncResult, tuple[str, float]] = weakref.WeakKeyDictionary()
    """Per result, not per id(): a result collected early would hand its id, and its start, to another."""

    async def timed_run(self: AsyncTransaction, query: Any, parameters: Any = None, **kwargs: Any) -> Any:
        began = time.perf_counter()
        result = await run(self, query, parameters, **kwargs)
        started[result] = (names.get(str(query), "?"), began)
        return result

    async def timed_iterate(self: AsyncResult) -> Any:
        async for record in iterate(self):
            yield record
        name, began = started.pop(self, ("?", 0.0))
        if began and not name.endswith("_new"):  # a read inside the loader's transaction, end to end
            spent[f"wall {name}"] += time.perf_counter() - began

    async def timed_consume(self: AsyncResult) -> Any:
        summary = await consume(self)
        server = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
        spent[f"write {names.get(str(summary.query), '?')}"] += server / 1000
        return summary

    async def timed_read(self: GraphStore, query: str, **params: Any) -> Any:
        started = time.perf_counter()
        try:
            return await read(self, query, **params)
        finally:
            spent[f"read {query}"] += time.perf_counter() - started

    each = _StoreReader.each

    async def timed_each(self: _StoreReader, query: str, **params: Any) -> Any:
        """The candidate searches, outside the loader's transaction (`GraphStore.load_reader`)."""
        began = time.perf_counter()
        async for record in each(self, query, **params):
            yield record
        spent[f"outside {query}"] += time.perf_counter() - began

    _StoreReader.each = timed_each  # type: ignore[method-assign]
    AsyncResult.consume = timed_consume  # type: ignore[method-assign]
    GraphStore.read = timed_read  # type: ignore[method-assign]
    AsyncTransaction.run = timed_run  # type: ignore[method-assign,assignment]
    AsyncResult.__aiter__ = timed_iterate  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        _StoreReader.each = each  # type: ignore[method-assign]
        AsyncResult.consume = consume  # type: ignore[method-assign]
        GraphStore.read = read  # type: ignore[method-assign]
        AsyncTransaction.run = run  # type: ignore[method-assign]
        AsyncResult.__aiter__ = iterate  # type: ignore[method-assign]


async def profile(arguments: argparse.Namespace) -> None:
    data: Path = arguments.data or Path(tempfile.mkdtemp(prefix="kg-synthetic-"))
    if not (data / "reference").is_dir():
        generate(data, arguments.events, arguments.events_per_file)
    store = open_store(get_settings())
    await migrate(store)
    await clear(store)
    profiler = Profiler(async_mode="enabled")
    with query_times() as spent, profiler:
        summary = await load_paths(store, [data], reference_dir=data / "reference")
    await store.close()
    print(f"{summary.records} records in {summary.seconds:.1f}s; seconds per query:")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {seconds:8.2f}  {name}")
    print(profiler.output_text(unicode=False, color=False, show_all=False))
    if arguments.html:
        arguments.html.write_text(profiler.output_html(), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--events-per-file", type=int, default=1000)
    parser.add_argument("--data", type=Path, help="a synthetic folder to reuse (generated when missing)")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    asyncio.run(profile(parser.parse_args()))


if __name__ == "__main__":
    main()
