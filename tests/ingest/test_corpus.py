"""Every annotated text of the ingest corpus is well formed: its annotation names the text beside it, every
anchor is an exact passage of that text (the scorer anchors its first occurrence), and kinds, dates and sums
are of the documented shapes (tests/ingest/corpus/README.md)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
KINDS = {
    "visit",
    "contract_signing",
    "ban",
    "statement",
    "meeting",
    "publication",
    "appointment",
    "dismissal",
    "detention",
    "sentence",
    "fine",
    "sanction",
    "expulsion",
}
TOP_LEVEL = {"digest", "source_url", "publisher", "published", "language", "period", "excerpt", "events"}
EVENT_KEYS = {
    "id",
    "kind",
    "anchors",
    "dates",
    "actors",
    "may_include",
    "places",
    "may_include_places",
    "money",
    "optional",
}
DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?(/\d{4}-\d\d-\d\d)?|period")


def annotation_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.yaml"))


def _spec(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


def test_the_corpus_has_both_splits() -> None:
    assert {p.parent.name for p in annotation_files()} == {"dev", "blind"}


def _page(url: str) -> str:
    """A page's address without what varies between two copies of one link (scheme, www., a final /)."""
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")


def test_no_page_is_in_both_splits() -> None:
    """A blind text collected again for dev would have rules written while reading it: blind no more."""
    pages = {
        split: {_page(str(_spec(p)["source_url"])) for p in annotation_files() if p.parent.name == split}
        for split in ("dev", "blind")
    }
    assert not pages["dev"] & pages["blind"]


@pytest.mark.parametrize("path", annotation_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_annotation_describes_the_text_beside_it(path: Path) -> None:
    spec = _spec(path)
    assert set(spec) == TOP_LEVEL
    assert spec["digest"] == f"{path.stem}.txt"
    assert (path.parent / spec["digest"]).is_file()
    assert path.stem.startswith(f"{spec['language']}_")
    assert str(spec["source_url"]).startswith(("http://", "https://"))
    assert spec["published"] is None or isinstance(spec["published"], date)
    assert isinstance(spec["excerpt"], bool)
    if spec["period"] is not None:
        start, end = (date.fromisoformat(part) for part in str(spec["period"]).split("/"))
        assert start <= end


@pytest.mark.parametrize("path", annotation_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_event_is_of_a_known_kind_and_anchored_in_the_text(path: Path) -> None:
    spec = _spec(path)
    text = (path.parent / spec["digest"]).read_text(encoding="utf-8")
    ids = [event["id"] for event in spec["events"]]
    assert len(ids) == len(set(ids)), "event ids repeat"
    for event in spec["events"]:
        where = f"{path.name} {event['id']}"
        assert set(event) <= EVENT_KEYS, where
        assert event["kind"] in KINDS, where
        assert event["anchors"], where
        for anchor in event["anchors"]:
            assert anchor in text, f"{where}: {anchor!r}"
        assert event["dates"], where
        for value in event["dates"]:
            assert DATE.fullmatch(str(value)), f"{where}: date {value!r}"
        assert isinstance(event["actors"], list) and isinstance(event["places"], list), where
        if "money" in event:
            assert set(event["money"]) == {"amount", "currency"}, where
            assert Decimal(str(event["money"]["amount"])) > 0, where
            assert re.fullmatch(r"[A-Z]{3}", event["money"]["currency"]), where
