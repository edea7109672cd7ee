"""Words with offsets and their normalised forms, the common ground of gazetteer and trigger matching.

Russian and Belarusian words are reduced to their dictionary form with pymorphy3 (so "Новосибирскую
область" meets the alias "Новосибирская область"); Latin words are lower-cased and lose a possessive 's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3  # type: ignore[import-untyped]

WORD = re.compile(r"\w+(?:[-‐]\w+)*", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
APOSTROPHES = "'’ʼ`"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


PROPER = ("Surn", "Name", "Patr", "Geox", "Orgn")


@lru_cache(maxsize=100_000)
def normalize_word(word: str) -> str:
    """Lower case; for Cyrillic the dictionary form (a capitalised word read as a name when it can be)."""
    lowered = word.lower().replace("ё", "е")
    if not CYRILLIC.search(lowered):
        return lowered
    parses = _morph().parse(lowered)
    if word[:1].isupper():
        parses = [p for p in parses if any(tag in p.tag for tag in PROPER)] or parses
    return str(parses[0].normal_form).replace("ё", "е")


@lru_cache(maxsize=100_000)
def grammemes(word: str) -> frozenset[str]:
    """pymorphy3's tags of the likeliest reading of a Cyrillic word (empty for other scripts)."""
    if not CYRILLIC.search(word):
        return frozenset()
    return frozenset(str(_morph().parse(word.lower())[0].tag).replace(" ", ",").split(","))


@lru_cache(maxsize=20_000)
def is_participle(word: str) -> bool:
    """A Russian full participle in any of its readings ('достигнутые' is also read as an adjective)."""
    return bool(CYRILLIC.search(word)) and any(p.tag.POS == "PRTF" for p in _morph().parse(word.lower()))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for match in WORD.finditer(text, start, stop):
        word = match.group()
        if word.lower() == "s" and match.start() > 0 and text[match.start() - 1] in APOSTROPHES:
            continue
        tokens.append(Token(match.start(), match.end(), word, normalize_word(word)))
    return tokens


def normalize_phrase(phrase: str) -> str:
    return " ".join(token.norm for token in tokenize(phrase))


def detect_language(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for c in letters if CYRILLIC.match(c))
    if cyrillic / len(letters) < 0.3:
        return "en"
    return "be" if sum(text.count(c) for c in "іўІЎ") > len(letters) * 0.01 else "ru"
