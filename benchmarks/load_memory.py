"""Peak RSS of `kg load --dry-run` on one seed file of N MB, in YAML, JSON and CSV, side by side.

    NEO4J_URI=bolt://127.0.0.1:PORT .venv/bin/python -m benchmarks.load_memory --sizes 8 32 128 256 \
        [--code /path/to/another/checkout --label main] [--rounds 1] [--write]

With --write the load is real (the database at NEO4J_URI is emptied before each run: use a scratch server),
so the write pass's own state (change records, reports, retractions) is measured too.

Each file is made once (under --data, default a temporary folder): YAML and JSON digests of events with two
participants each (of 400 actors the file defines), CSV a table of actors with made-up names. The loader
runs as a child process (the
check pass and the write pass's reading, classification and rows, nothing written), and its peak RSS is
what the kernel reports for it (`ru_maxrss`). With --code the child imports `graph` from that checkout
instead (e.g. an export of `main`), to compare before and after; KG_MAX_FILE_BYTES is raised for it so the
old cap does not refuse the large files. Prints a Markdown table and adds the runs to
benchmarks/results/load_memory.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

RESULTS = Path(__file__).with_name("results") / "load_memory.json"
FORMATS = ("yaml", "json", "csv")


SYLLABLES = [c + v for c in "bdgklmnprstvz" for v in "aeiou"]
PEOPLE = 400
"""Actors the events name (distinct made-up names: the check compares every new name with the others)."""
ACTORS_TAIL = PEOPLE * 80
"""About the bytes of the actors section ending a YAML or JSON file: the events fill the rest of its size."""


def _name(number: int) -> str:
    rng = random.Random(number)
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(4)).title() for _ in range(2))


def _events(spread: bool = False) -> Iterator[tuple[dict[str, object], list[dict[str, object]]]]:
    """(event, the actors it introduces), for as long as the caller takes them: all on one day, or with
    `spread` one a day from 1990 on (so that the matcher finds few events near each one, as in real digests;
    on one day every event shares a participant with hundreds of others, and each is a match candidate)."""
    number = 0
    while True:
        number += 1
        day = (date(1990, 1, 1) + timedelta(days=number % 12_000)).isoformat() if spread else "2023-04-28"
        host, guest = f"person:p{number % PEOPLE:04d}", f"person:p{(number * 7 + 1) % PEOPLE:04d}"
        actors = (
            [{"id": f"person:p{n:04d}", "kind": "person", "name": _name(n)} for n in range(PEOPLE)]
            if number == 1
            else []
        )
        event = {
            "id": f"event:{day}-meeting-{number:07d}",
            "kind": "meeting",
            "title": f"Host {number} meets guest {number} to talk about trade, roads and the harvest",
            "date": day,
            "participants": [{"actor": host, "role": "host"}, {"actor": guest, "role": "guest"}],
            "evidence": [{"quote": f"Host {number} met guest {number}."}],
        }
        yield event, actors


def _yaml_event(event: dict[str, object]) -> str:
    links = ", ".join(
        f"{{actor: '{link['actor']}', role: {link['role']}}}"
        for link in event["participants"]  # type: ignore[attr-defined]
    )
    quote = event["evidence"][0]["quote"]  # type: ignore[index]
    return (
        f"  - id: {event['id']}\n    kind: meeting\n    title: {event['title']}\n"
        f"    date: '{event['date']}'\n    participants: [{links}]\n    evidence: [{{quote: '{quote}'}}]\n"
    )


def make(folder: Path, kind: str, megabytes: int, spread: bool = False) -> Path:
    # CSV (actors only) goes in a `reference/` folder: reference actors skip the close-name warnings, whose
    # cost over a million made-up names is not what this measures.
    name = f"bench-{megabytes}mb{'-spread' if spread and kind != 'csv' else ''}.{kind}"
    path = (folder / "reference" if kind == "csv" else folder) / name
    path.parent.mkdir(exist_ok=True)
    if path.exists():
        return path
    size = megabytes * 1024 * 1024
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        if kind == "csv":
            out.write("id,kind,name,aliases\n")
            number = 0
            while out.tell() < size:
                number += 1
                out.write(f"person:p{number:08d},person,{_name(number)},{_name(-number)}\n")
        elif kind == "yaml":
            out.write("source: {id: 'source:bench', title: A benchmark digest}\nevents:\n")
            actors: list[dict[str, object]] = []
            for event, introduced in _events(spread):
                actors += introduced
                out.write(_yaml_event(event))
                if out.tell() >= size - ACTORS_TAIL:
                    break
            out.write("actors:\n")
            for actor in actors:
                out.write(f"  - id: {actor['id']}\n    kind: person\n    name: {actor['name']}\n")
        else:
            out.write('{"source": {"id": "source:bench", "title": "A benchmark digest"},\n "events": [\n')
            actors = []
            first = True
            for event, introduced in _events(spread):
                actors += introduced
                out.write(("" if first else ",\n") + "  " + json.dumps(event))
                first = False
                if out.tell() >= size - ACTORS_TAIL:
                    break
            out.write(
                '],\n "actors": [\n' + ",\n".join("  " + json.dumps(actor) for actor in actors) + "]}\n"
            )
    partial.rename(path)
    return path


def empty_database() -> None:
    """Delete every node of the server at NEO4J_URI (a real load's run starts from an empty graph)."""
    from neo4j import GraphDatabase

    from graph.settings import Settings

    settings = Settings()
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as driver, driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def run(path: Path, reference: Path, code: Path | None, write: bool = False) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of `kg load [--dry-run] PATH` as a child process."""
    env = dict(os.environ, KG_MAX_FILE_BYTES=str(3 * 1024**3))
    if code is not None:
        env["PYTHONPATH"] = str(code)
    if write:
        empty_database()
    command = [
        sys.executable,
        "-m",
        "graph.cli",
        "load",
        *([] if write else ["--dry-run"]),
        str(path),
        "--reference",
        str(reference),
    ]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=code)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        error = child.stderr.read().decode(errors="replace")[-600:] if child.stderr else ""
        raise SystemExit(f"failed: {' '.join(command)}\n{error}")
    return seconds, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 32, 128, 256], help="file sizes in MB")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument(
        "--code", type=Path, help="a checkout whose `graph` the loader runs (default: this one)"
    )
    parser.add_argument("--label", default="this branch")
    parser.add_argument("--rounds", type=int, default=1, help="runs per file; the median is reported")
    parser.add_argument("--data", type=Path, help="where the files are made (and reused)")
    parser.add_argument("--write", action="store_true", help="a real load (empties the database first)")
    parser.add_argument("--spread", action="store_true", help="events one a day, not all on one day")
    arguments = parser.parse_args()
    data: Path = arguments.data or Path(tempfile.mkdtemp(prefix="kg-load-memory-"))
    data.mkdir(parents=True, exist_ok=True)
    reference = data / "no-reference"
    reference.mkdir(exist_ok=True)
    print(
        f"| {arguments.label} | " + " | ".join(f"{kind} peak RSS (time)" for kind in arguments.formats) + " |"
    )
    print("| --- |" + " ---: |" * len(arguments.formats))
    for megabytes in arguments.sizes:
        cells = []
        for kind in arguments.formats:
            path = make(data, kind, megabytes, arguments.spread)
            runs = [run(path, reference, arguments.code, arguments.write) for _ in range(arguments.rounds)]
            seconds = statistics.median(each[0] for each in runs)
            rss = statistics.median(each[1] for each in runs) / 1024
            cells.append(f"{rss:,.0f} MiB ({seconds:.0f} s)")
            result = {
                "label": arguments.label,
                "format": kind,
                "megabytes": megabytes,
                "file_bytes": path.stat().st_size,
                "peak_rss_mib": round(rss, 1),
                "seconds": round(seconds, 1),
                "rounds": arguments.rounds,
                "write": arguments.write,
                "spread": arguments.spread,
            }
            # Kept run by run: a long run stopped part way keeps what it measured.
            earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
            RESULTS.write_text(json.dumps([*earlier, result], indent=2) + "\n", encoding="utf-8")
            print(f"  {kind} {megabytes} MB: {cells[-1]}", file=sys.stderr, flush=True)
        print(f"| {megabytes} MB | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
