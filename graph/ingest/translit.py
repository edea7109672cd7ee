"""Cyrillic <-> Latin for ids and for recognising Slavic first names written in Latin letters."""

from __future__ import annotations

import re

from graph.ingest.tokens import _morph
from graph.names.translit import TO_CYRILLIC, TO_LATIN, to_latin

__all__ = ["TO_CYRILLIC", "TO_LATIN", "looks_like_first_name", "slug", "to_latin"]


def slug(text: str) -> str:
    latin = to_latin(text.lower()).replace("-", " ") if re.search(r"[\u0400-\u04FF]", text) else text.lower()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "unnamed"


def looks_like_first_name(word: str) -> bool:
    """True for 'Andrei', 'Sergei', 'Igor', 'Aliaksandr' when pymorphy3 knows the Cyrillic form as a name."""
    if not word.isalpha() or not word[0].isupper():
        return False
    if re.search(r"[\u0400-\u04FF]", word):
        return _is_known_name(word.lower())
    cyrillic = re.sub(r"^ye", "е", word.lower())
    for latin, letter in TO_CYRILLIC:
        cyrillic = cyrillic.replace(latin, letter)
    variants = {cyrillic, cyrillic + "ь", re.sub(r"ы$", "й", cyrillic), re.sub(r"ы$", "ий", cyrillic)}
    variants |= {v.replace("ия", "я") for v in variants} | {v.replace("я", "ия") for v in variants}
    return any(_is_known_name(v) for v in variants)


def _is_known_name(word: str) -> bool:
    morph = _morph()
    return bool(morph.word_is_known(word)) and any("Name" in p.tag for p in morph.parse(word))
