"""How long `kg ingest` takes on a 2,000-word digest once its models are loaded, and whether a folder of
digests runs in one process.

    .venv/bin/python benchmarks/ingest_speed.py [--words 2000] [--runs 5]

The digest is built from the corpus's dev texts (English and Russian paragraphs alternating, as a mixed
weekly digest would be) up to the word count; the first run loads the models (start-up), the next runs are
timed. Results go to benchmarks/results/ingest_speed.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from graph.ingest.pipeline import ingest
from graph.settings import REPO_ROOT

DEV = REPO_ROOT / "tests" / "ingest" / "corpus" / "dev"
RESULTS = REPO_ROOT / "benchmarks" / "results" / "ingest_speed.json"


def digest_text(words: int) -> str:
    paragraphs = [
        line.strip()
        for text in sorted(DEV.glob("*.txt"))
        if text.name[:2] in {"en", "ru"}
        for line in text.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 12
    ]
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    header = "April 1 – April 7, 2024\nBelarus-Russia relations\n\nA week of news\n\n"
    return header + "\n\n".join(chosen) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seed = REPO_ROOT / "seed_data"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "digest.txt"
        text = digest_text(args.words)
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        first = ingest(path, seed, published=date(2024, 4, 7))
        startup = time.perf_counter() - started
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            ingest(path, seed, published=date(2024, 4, 7))
            timings.append(time.perf_counter() - started)
    result = {
        "words": len(text.split()),
        "candidates": len(first.candidates),
        "first_run_s": round(startup, 2),
        "warm_runs_s": [round(t, 3) for t in timings],
        "warm_median_s": round(statistics.median(timings), 3),
        "warm_max_s": round(max(timings), 3),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
