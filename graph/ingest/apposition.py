"""What the words right after a name say about it: 'Łukasz Jasina, spokesman for the Polish Ministry of
Foreign Affairs, wrote', 'Ales Dzianisau, a member of the BAJ, was fined': a post or role in apposition
says the capitalised words before it are a person's name, whatever their first name."""

from __future__ import annotations

import re

from graph.ingest.candidates import Span
from graph.ingest.lexicon import PERSON_TITLES

APPOSITION = re.compile(r"\s*,\s+(?:(?:the|a|an|its|his|her)\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)")
APPOSITION_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "member", "journalist", "activist", "editor", "head",
    "leader", "founder", "co-founder", "chairman", "chairwoman", "correspondent", "lawyer", "blogger",
    "deputy", "director", "coordinator", "representative", "adviser", "advisor", "official", "judge",
}  # fmt: skip


def titled_after(text: str, end: int) -> bool:
    """A comma after the name, then within three words a post or role noun ('spokesman for', 'a member
    of', 'the head of', 'deputy foreign minister')."""
    found = APPOSITION.match(text, end)
    if found is None:
        return False
    words = re.findall(r"[\w-]+", text[found.start() : found.end()].lower())
    return any(w in APPOSITION_NOUNS or w in PERSON_TITLES for w in words)


LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
"""What separates the names of a list: a comma, 'and', or both."""


def listed_beside(text: str, spans: list[Span], people: list[Span]) -> list[Span]:
    """'Valancin Stefanovich, Uladzimir Labkovich and Zmiecier Salujou': two capitalised words joined by
    a comma or 'and' to a person's name are one more person of the list, whatever their first name (the
    list grows from each name found)."""
    persons, chosen = list(people), []
    grew = True
    while grew:
        grew = False
        for span in [s for s in spans if s not in chosen]:
            if any(_joined(text, span, person) for person in persons):
                chosen.append(span)
                persons.append(span)
                grew = True
    return chosen


def _joined(text: str, one: Span, other: Span) -> bool:
    gap = text[one.end : other.start] if one.end <= other.start else text[other.end : one.start]
    return len(gap) <= 7 and LIST_GAP.fullmatch(gap) is not None
