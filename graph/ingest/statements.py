"""What a statement said: the words in quotation marks, else the clause after 'that' / 'что'."""

from __future__ import annotations

import re

from graph.ingest.candidates import Span

QUOTED = re.compile(r"“([^”]{3,})”|«([^»]{3,})»|\"([^\"]{3,})\"|„([^“”]{3,})[“”]")
THAT = re.compile(r"\b(?:that|что|чтобы|што)\b\s*", re.IGNORECASE)


def statement_content(text: str, sentence: Span, trigger: Span) -> str:
    piece = text[sentence.start : sentence.end]
    quotes = [next(g for g in m.groups() if g) for m in QUOTED.finditer(piece)]
    if sum(len(q.split()) for q in quotes) >= 3:
        return " … ".join(q.strip() for q in quotes)
    after = THAT.search(text, trigger.end, sentence.end)
    if after and after.start() - trigger.end < 40:
        return text[after.end() : sentence.end].strip().rstrip(".")
    return piece.strip()
