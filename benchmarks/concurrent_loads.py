"""Two loads at once over disjoint halves of the synthetic digests (they share actors, days and sources):
both must succeed; prints the time and how many file transactions Neo4j aborted as deadlocked and the loader
retried.

    NEO4J_URI=bolt://... .venv/bin/python -m benchmarks.concurrent_loads --data /tmp/kg-synthetic-20k

The folder is one `benchmarks/synthetic.py` made (`load_benchmark --data` makes it too). Empties the graph.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from pathlib import Path

from benchmarks.load_benchmark import clear
from graph.connection import open_store
from graph.load import load_paths
from graph.schema import migrate
from graph.settings import get_settings


class Retries(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


async def race(data: Path) -> None:
    retries = Retries()
    logger = logging.getLogger("graph.store")
    logger.addHandler(retries)
    logger.setLevel(logging.INFO)
    store = open_store(get_settings())
    await migrate(store)
    await clear(store)
    await load_paths(store, [data / "reference"], reference_dir=None)
    digests = sorted(data.glob("digest-*.yaml"))
    started = time.perf_counter()
    summaries = await asyncio.gather(
        *(
            load_paths(store, half, reference_dir=data / "reference")
            for half in (digests[0::2], digests[1::2])
        )
    )
    seconds = time.perf_counter() - started
    await store.close()
    records = [summary.records for summary in summaries]
    print(f"two loads of {len(digests)} digests in halves: {records} records in {seconds:.1f}s")
    print(f"file transactions retried after a deadlock: {len(retries.seen)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    asyncio.run(race(parser.parse_args().data))


if __name__ == "__main__":
    main()
