"""The flagship as the data grows: benchmarks/api_growth.py asking the flagship alone.

    NEO4J_USER=neo4j NEO4J_PASSWORD=... .venv/bin/python -m benchmarks.flagship_scale \\
        --small bolt://127.0.0.1:P1 --large bolt://127.0.0.1:P2 [--rounds 20] [--serve-from CHECKOUT] \\
        [--output FILE]

The flagship (Minsk, RU, 2023, as benchmarks/api_benchmark.py asks it) of two servers holding 10x apart,
alternated; the issue's target (12, point 9): ten times the data at most twice the p50.
"""

from __future__ import annotations

from benchmarks.api_growth import cli

if __name__ == "__main__":
    cli(default_requests="flagship")
