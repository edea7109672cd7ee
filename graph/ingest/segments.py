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
            found.append(Sentence(Span(start, end), paragraph, len(found)))
    return found
