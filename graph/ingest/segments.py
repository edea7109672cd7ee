"""Paragraphs and sentences with offsets into the original text (razdel: Russian and English)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from razdel import sentenize  # type: ignore[import-untyped]

from graph.ingest.candidates import Span


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int
    index: int


def sentences(text: str, body: Span) -> list[Sentence]:
    found: list[Sentence] = []
    for paragraph, line in enumerate(re.finditer(r"[^\n]+", text[: body.end])):
        if line.start() < body.start or not line.group().strip():
            continue
        for piece in sentenize(line.group()):
            start, end = line.start() + piece.start, line.start() + piece.stop
            for cut in _unspaced(text, start, end):
                found.append(Sentence(Span(start, cut), paragraph, len(found)))
                start = cut
            found.append(Sentence(Span(start, end), paragraph, len(found)))
    return found


UNSPACED = re.compile(
    r"(?<=[a-zа-яё]{3}[.!?])(?=[A-ZА-ЯЁ][a-zа-яё]{2})|(?<=[.!?][»”\"])(?=[A-ZА-ЯЁ«“][a-zа-яё]{2})"
)
"""'... с Белоруссией.Господин Лукашенко поблагодарил ...': a stop after a lower-case word, then a capital
with no space between (a copy that lost its spaces) still ends a sentence; 'U.S.', 'т.е.' or
'Caliber.Az' do not."""


def _unspaced(text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in UNSPACED.finditer(text, start, end) if start < m.start() < end]
