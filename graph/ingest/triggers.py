"""Where a sentence reports an event of some kind: the trigger words of lexicon.py, matched on
normalised words so "подписали", "подписан" and "подписание" all count."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.ingest.candidates import EventKind, Span
from graph.ingest.lexicon import (
    BECOMING,
    COMPANION_AFTER,
    NEEDS_COMPANION,
    OFFICE_WORDS,
    PENALTIES,
    TRIGGERS,
)
from graph.ingest.tokens import Token, grammemes, normalize_phrase


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
            if phrase in BECOMING and not _post_beside(tokens, index, len(words)):
                continue
            if kind == "meeting" and _not_a_meeting(norms, index, len(words)):
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


def _post_beside(tokens: list[Token], index: int, length: int) -> bool:
    """'became the new head', 'стал послом', 'Новым послом стал': a post within a few words after the
    verb (or, in Russian, before it), in the instrumental in Russian ('стало известно о назначении посла'
    names a post but nobody became it)."""
    if index and tokens[index - 1].norm in {"who", "который"}:
        return False  # 'X, who became minister in 2019, said': a life story, not news
    after = tokens[index + length : index + length + 5]
    near = after if tokens[index].text.isascii() else [*tokens[max(0, index - 4) : index], *after[:3]]
    return any(t.norm in OFFICE_WORDS and (t.text.isascii() or "ablt" in grammemes(t.text)) for t in near)


PRESS = {"press", "news", "пресс"}
QUESTIONING = {"questioning", "interrogation", "допрос", "questioned"}


def _not_a_meeting(norms: list[str], index: int, length: int) -> bool:
    """'a press conference' is where someone spoke, not a meeting; 'summoned for questioning',
    'вызвали на допрос' is a police act; 'приняли участие' (took part) is no host receiving a guest: the
    gathering taken part in is the meeting, if any."""
    before = norms[max(0, index - 1) : index]
    after = norms[index + length : index + length + 3]
    taking_part = norms[index] == "принять" and after[:1] == ["участие"]
    return bool(PRESS.intersection(before)) or bool(QUESTIONING.intersection(after)) or taking_part
