"""Where a sentence reports an event of some kind: the trigger words of lexicon.py, matched on
normalised words so "подписали", "подписан" and "подписание" all count."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.ingest.candidates import EventKind, Span
from graph.ingest.lexicon import COMPANION_AFTER, NEEDS_COMPANION, PENALTIES, TRIGGERS
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
            following = set(norms[index + len(words) : index + len(words) + 8])
            if companions and not (following if phrase in COMPANION_AFTER else present).intersection(
                companions
            ):
                continue
            if kind in {"ban", "sanction"} and _adjectival(tokens, index, len(words)):
                continue
            if kind == "appointment" and PENALTIES.intersection(
                norms[index + len(words) : index + len(words) + 4]
            ):
                continue
            found.append(Trigger(kind, Span(tokens[index].start, tokens[index + len(words) - 1].end), phrase))
            index += len(words) - 1
            break
        index += 1
    return found


AUXILIARIES = {
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "got",
    "get",
    "and",
    "or",
}
FUNCTION_WORDS = {
    "the", "a", "an", "to", "from", "for", "in", "on", "at", "by", "with", "of", "as", "into", "and", "all",
    "any", "some", "their", "his", "her", "its", "two", "three", "four", "five", "several", "that", "this",
    "these", "those", "him", "them", "it", "over", "under", "after", "before", "since",
}  # fmt: skip


def _adjectival(tokens: list[Token], index: int, length: int) -> bool:
    """'smuggling prohibited substances': an English participle between two common words describes a
    noun; 'Lithuania banned imports', 'were banned from' report an act."""
    word = tokens[index].text
    if length != 1 or not word.endswith("ed") or not word.isascii() or index == 0:
        return False
    before, after = tokens[index - 1].text, tokens[index + 1].text if index + 1 < len(tokens) else ""
    named = index + 2 < len(tokens) and tokens[index + 2].text[:1].isupper()
    return (
        not named
        and before.islower()
        and before not in AUXILIARIES
        and after.islower()
        and after not in FUNCTION_WORDS
        and not after.isdigit()
    )
