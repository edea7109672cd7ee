"""From a digest file to its candidate events and the draft text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from graph.errors import KgError, ValidationFailed
from graph.ingest.candidates import Candidate, DateSpan
from graph.ingest.document import Digest, read_digest
from graph.ingest.draft import DraftOptions, render_draft
from graph.ingest.extractor import get_extractor
from graph.ingest.gazetteer import Gazetteer, load_gazetteer, reference_files


@dataclass
class Ingested:
    digest: Digest
    candidates: list[Candidate]


@lru_cache(maxsize=4)
def gazetteer_for(seed_folder: Path) -> Gazetteer:
    return load_gazetteer(reference_files(seed_folder))


def ingest(
    path: Path,
    seed_folder: Path,
    period: DateSpan | None = None,
    extractor: str = "rules",
    published: date | None = None,
) -> Ingested:
    digest = read_digest(path, gazetteer_for(seed_folder.resolve()), period, published)
    return Ingested(digest, get_extractor(extractor).extract(digest))


def write_draft(ingested: Ingested, out: Path, extractor: str = "rules") -> None:
    """Write the draft; a digest outside the draft's folder is copied, byte for byte, into its `sources/`
    (the loader reads a `text_file` only inside the seed file's folder tree)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = ingested.digest.path
    if not text.resolve().is_relative_to(out.parent.resolve()):
        text = _copy_into(text, out.parent / "sources")
    options = DraftOptions(out, extractor, text)
    out.write_text(render_draft(ingested.digest, ingested.candidates, options), encoding="utf-8")


def _copy_into(text: Path, folder: Path) -> Path:
    copy = folder / text.name
    content = text.read_bytes()
    if copy.exists() and copy.read_bytes() != content:
        raise KgError(f"{copy} exists with other content: give --out a folder where the digest's text can go")
    folder.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(content)
    return copy


def parse_period(value: str) -> DateSpan:
    """'2023-04-24/2023-04-30' -> a range; a clear error otherwise."""
    try:
        start, end = (date.fromisoformat(part.strip()) for part in value.split("/"))
    except ValueError:
        raise ValidationFailed(f"--period '{value}' is not START/END, e.g. 2023-04-24/2023-04-30") from None
    if end < start:
        raise ValidationFailed(f"--period '{value}' ends before it starts")
    return DateSpan(start, end, "range")
