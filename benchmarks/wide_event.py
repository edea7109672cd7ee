"""Updating one event with many participants against loading it fresh: the update must not be quadratic.

    NEO4J_URI=bolt://... .venv/bin/python -m benchmarks.wide_event --participants 10000

Writes a reference file of N people and a digest with one meeting they all attend, loads the people, then
times, each as `load_paths` in this process: the fresh load of the digest, a reload with the title edited
(every participant link compared, none changed), and a reload that also drops one participant.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from graph.connection import open_store
from graph.load import load_paths
from graph.schema import migrate
from graph.settings import get_settings
from graph.store import GraphStore

TEXT = "Everyone met everyone in Minsk."
CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS"


def write_files(folder: Path, participants: int, title: str, drop: int = 0) -> None:
    people = "".join(
        f"  - {{id: 'person:p{index}', kind: person, name: 'Person {index}'}}\n"
        for index in range(participants)
    )
    (folder / "reference").mkdir(exist_ok=True)
    (folder / "reference" / "people.yaml").write_text("actors:\n" + people, encoding="utf-8")
    (folder / "text.txt").write_text(TEXT, encoding="utf-8")
    links = "".join(
        f"      - {{actor: 'person:p{index}', role: member}}\n" for index in range(drop, participants)
    )
    (folder / "digest.yaml").write_text(
        "source: {id: 'source:wide', title: Wide, text_file: text.txt}\n"
        "events:\n"
        "  - id: 'event:2023-04-28-wide-meeting'\n"
        "    kind: meeting\n"
        f"    title: {title}\n"
        "    date: 2023-04-28\n"
        "    participants:\n" + links + f"    evidence: [{{quote: '{TEXT}'}}]\n",
        encoding="utf-8",
    )


async def timed_load(store: GraphStore, folder: Path) -> float:
    started = time.perf_counter()
    await load_paths(store, [folder / "digest.yaml"], reference_dir=folder / "reference")
    return time.perf_counter() - started


async def benchmark(participants: int) -> None:
    store = open_store(get_settings())
    await migrate(store)
    async with store.driver.session(database=store.database) as session:
        await (await session.run(CLEAR)).consume()
    with tempfile.TemporaryDirectory(prefix="kg-wide-") as name:
        folder = Path(name)
        write_files(folder, participants, "A wide meeting")
        await load_paths(store, [folder / "reference"], reference_dir=None)
        fresh = await timed_load(store, folder)
        write_files(folder, participants, "A wide meeting, edited")
        edited = await timed_load(store, folder)
        write_files(folder, participants, "A wide meeting, edited", drop=1)
        dropped = await timed_load(store, folder)
    await store.close()
    print(f"one event with {participants:,} participants (seconds, load_paths in-process):")
    print("| load | seconds |\n| --- | ---: |")
    print(f"| fresh | {fresh:.1f} |\n| title edited | {edited:.1f} |")
    print(f"| one participant dropped | {dropped:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=10_000)
    asyncio.run(benchmark(parser.parse_args().participants))


if __name__ == "__main__":
    main()
