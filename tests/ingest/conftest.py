"""Ingest tests read no database and need no network: a small reference set stands in for seed_data/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.ingest.gazetteer import Gazetteer
from graph.ingest.pipeline import gazetteer_for

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
FIXTURE_SEED = FIXTURES / "seed"
WriteDigest = Callable[[str], Path]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return gazetteer_for(FIXTURE_SEED)


@pytest.fixture
def write_digest(tmp_path: Path) -> WriteDigest:
    def write(text: str, name: str = "digest.txt") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
