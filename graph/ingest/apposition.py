"""What the words right after a name say about it: 'Łukasz Jasina, spokesman for the Polish Ministry of
Foreign Affairs, wrote', 'Ales Dzianisau, a member of the BAJ, was fined': a post or role in apposition
says the capitalised words before it are a person's name, whatever their first name."""

from __future__ import annotations

import re

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
