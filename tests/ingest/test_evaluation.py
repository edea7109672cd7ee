"""The annotated digests stay consistent with their texts, and the extractor keeps meeting its targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from graph.settings import REPO_ROOT

HERE = Path(__file__).resolve().parent
SHARED_SEEDS = REPO_ROOT.parent / "shared" / "seeds"
_spec = importlib.util.spec_from_file_location("ingest_eval", REPO_ROOT / "benchmarks" / "ingest_eval.py")
assert _spec is not None and _spec.loader is not None
ingest_eval = importlib.util.module_from_spec(_spec)
sys.modules["ingest_eval"] = ingest_eval
_spec.loader.exec_module(ingest_eval)

SETS = [(HERE / "expected", SHARED_SEEDS), (HERE / "heldout", HERE / "heldout")]


def expected_files() -> list[tuple[Path, Path]]:
    return [(f, seeds) for folder, seeds in SETS for f in sorted(folder.glob("*.yaml"))]


@pytest.mark.parametrize(("expected", "seeds"), expected_files(), ids=lambda p: p.stem)
def test_every_anchor_is_an_exact_passage_of_its_digest(expected: Path, seeds: Path) -> None:
    spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
    digest = seeds / spec["digest"]
    if not digest.exists():
        pytest.skip(f"{digest} is not here (shared seeds are beside the repository)")
    text = digest.read_text(encoding="utf-8")
    for event in spec["events"]:
        for anchor in event["anchors"]:
            assert text.count(anchor) == 1, f"{event['id']}: {anchor!r}"


@pytest.mark.parametrize(("folder", "seeds"), SETS, ids=["shared-digests", "heldout"])
def test_the_extractor_meets_its_targets(folder: Path, seeds: Path) -> None:
    outcomes = []
    for expected in sorted(folder.glob("*.yaml")):
        spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
        if not (seeds / spec["digest"]).exists():
            pytest.skip(f"{seeds} is not here")
        outcomes.append(ingest_eval.score_digest(expected, seeds, REPO_ROOT / "seed_data"))
    figures = ingest_eval.figures(outcomes).values
    below = {name: figures[name] for name, goal in ingest_eval.TARGETS.items() if (figures[name] or 0) < goal}
    assert below == {}
