"""Which language each paragraph is in (lingua, offline: its models ship in the wheel).

Only English and Russian are read fully; other paragraphs give what needs no grammar (known names,
dates, money) and are reported as not read fully. The detector is restricted to the languages these
texts come in, which makes it faster and surer on short paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.ingest.candidates import Span

FULLY_READ = frozenset({"en", "ru"})
NAMES = {"en": "English", "ru": "Russian", "be": "Belarusian", "uk": "Ukrainian", "de": "German",
         "pl": "Polish", "lt": "Lithuanian"}  # fmt: skip
SHORT = 40
"""Paragraphs with fewer letters (headlines, bylines) take the language of the text around them."""
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Paragraph:
    index: int
    span: Span
    language: str


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name.upper()) for name in NAMES.values()]
    return LanguageDetectorBuilder.from_languages(*languages).build()


NAME_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЎ][\w'’-]*")
"""A capitalised word: a name says nothing of the language around it ('talks with Andrei Travnikov,
Alexander Burkov and Vladimir Mazur' is English however German its names look to the detector)."""


PLAIN_ENOUGH = 15
"""Letters left without the names that still tell the language ('held talks with and on')."""


def detect(text: str) -> str | None:
    """ISO 639-1 code of the likeliest language, or None for text without letters. Names are left out
    when enough else is left to tell the language by."""
    if not LETTER.search(text):
        return None
    plain = NAME_WORD.sub(" ", text)
    if len(LETTER.findall(plain)) >= PLAIN_ENOUGH:
        text = plain
    found = _detector().detect_language_of(text)
    return str(found.iso_code_639_1.name).lower() if found is not None else None


def paragraphs(text: str, body: Span) -> list[Paragraph]:
    """Every non-blank line from the text's start (numbered as segments.sentences numbers them) with its
    language; short lines take the language of the text as a whole."""
    lines = [(i, m) for i, m in enumerate(re.finditer(r"[^\n]+", text)) if m.group().strip()]
    whole = detect(text[body.start : body.end]) or "en"
    found: list[Paragraph] = []
    for index, line in lines:
        letters = len(LETTER.findall(line.group()))
        language = (detect(line.group()) if letters >= SHORT else None) or whole
        found.append(Paragraph(index, Span(line.start(), line.end()), language))
    return found


def main_language(found: list[Paragraph], body: Span) -> str:
    """The language most of the body's letters are in."""
    weights: Counter[str] = Counter()
    for paragraph in found:
        if body.start <= paragraph.span.start < body.end:
            weights[paragraph.language] += paragraph.span.end - paragraph.span.start
    return weights.most_common(1)[0][0] if weights else "en"
