"""Ingest tests read no database and need no network: a small reference set stands in for seed_data/."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from graph.ingest.candidates import Candidate
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.pipeline import gazetteer_for, ingest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
FIXTURE_SEED = FIXTURES / "seed"
WriteDigest = Callable[[str], Path]
THURSDAY = date(2024, 5, 16)
"""The day the rule tests' one-paragraph digests are published."""


def events(write_digest: WriteDigest, text: str, published: date = THURSDAY) -> list[Candidate]:
    """The events `kg ingest` finds in `text`, a digest published on `published`."""
    return ingest(write_digest(text), FIXTURE_SEED, published=published).candidates


def sums(write_digest: WriteDigest, text: str, kind: str) -> list[tuple[Decimal, str] | None]:
    """The sum of each event of `kind` found in `text` (None for an event without one)."""
    return [
        (c.money.amount, c.money.currency) if c.money else None
        for c in events(write_digest, text)
        if c.kind == kind
    ]


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
