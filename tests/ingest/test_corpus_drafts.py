"""`kg validate` accepts the unreviewed draft of every corpus text. The blind split is checked in aggregate:
a failure there says how many drafts failed, never what they contain."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from graph.errors import KgError
from graph.ingest.pipeline import ingest, parse_period, write_draft
from graph.load.pipeline import check_paths
from graph.settings import REPO_ROOT

CORPUS = REPO_ROOT / "tests" / "ingest" / "corpus"
SEED = REPO_ROOT / "seed_data"


def draft_of(annotation: Path, folder: Path) -> Path:
    """The draft, made as an analyst would: with --period or --date when the text has none."""
    spec = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    text = annotation.parent / spec["digest"]
    period, published = spec.get("period"), spec.get("published")
    if period:
        ingested = ingest(text, SEED, parse_period(str(period)))
    else:
        day = published if isinstance(published, date) else date(2024, 1, 1)
        ingested = ingest(text, SEED, published=day)
    out = folder / f"{annotation.stem}.draft.yaml"
    write_draft(ingested, out)
    return out


@pytest.mark.parametrize("annotation", sorted((CORPUS / "dev").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_draft_of_every_dev_text_validates(annotation: Path, tmp_path: Path) -> None:
    checked = check_paths([draft_of(annotation, tmp_path)], SEED / "reference")
    assert checked.records > 0


@pytest.mark.skipif(not (CORPUS / "blind").is_dir(), reason="no blind split")
def test_the_drafts_of_the_blind_texts_validate(tmp_path: Path) -> None:
    annotations = sorted((CORPUS / "blind").glob("*.yaml"))
    failed = 0
    for annotation in annotations:
        try:
            check_paths([draft_of(annotation, tmp_path)], SEED / "reference")
        except KgError:
            failed += 1
    assert failed == 0, f"{failed} of {len(annotations)} blind drafts fail kg validate (not shown: blind)"
