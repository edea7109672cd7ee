"""Where a sentence reports an event of some kind: the trigger words of lexicon.py, matched on
normalised words so "подписали", "подписан" and "подписание" all count."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.ingest.candidates import EventKind, Span
from graph.ingest.lexicon import NEEDS_COMPANION, TRIGGERS
from graph.ingest.tokens import Token, normalize_phrase


@dataclass(frozen=True)
class Trigger:
    kind: EventKind
    span: Span
    phrase: str


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[tuple[tuple[str, ...], EventKind, str]]]:
    """First normalised word -> (all words, kind, lexicon entry), longest phrases first."""
    by_first: dict[str, list[tuple[tuple[str, ...], EventKind, str]]] = {}
    for kind, phrases in TRIGGERS.items():
        for phrase in phrases:
            words = tuple(normalize_phrase(phrase).split())
            if words:
                by_first.setdefault(words[0], []).append((words, kind, phrase))
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e[0]))
    return by_first


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    norms = [t.norm for t in tokens]
    present = set(norms)
    found: list[Trigger] = []
    index = 0
    while index < len(tokens):
        for words, kind, phrase in _lexicon().get(norms[index], []):
            if tuple(norms[index : index + len(words)]) != words:
                continue
            companions = NEEDS_COMPANION.get(phrase)
            if companions and not present.intersection(companions):
                continue
            found.append(Trigger(kind, Span(tokens[index].start, tokens[index + len(words) - 1].end), phrase))
            index += len(words) - 1
            break
        index += 1
    return found
