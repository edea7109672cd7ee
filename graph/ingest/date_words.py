"""Month names and relative-time words per language, taken from dateparser's locale data and
pymorphy3's inflection tables rather than typed in by hand."""

from __future__ import annotations

import re
from functools import lru_cache

from dateparser.languages.loader import default_loader  # type: ignore[import-untyped]

from graph.ingest.tokens import CYRILLIC, _morph

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
LANGUAGES = ("en", "ru", "be")


def _inflected(word: str) -> set[str]:
    if not CYRILLIC.search(word):
        return {word}
    forms = {word}
    for parse in _morph().parse(word)[:1]:
        forms |= {str(form.word) for form in parse.lexeme}
    return forms


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every spelling of every month (lower case, several languages) -> 1..12."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, month in enumerate(MONTHS, start=1):
            for name in info.get(month, []):
                if len(name) >= 3 and name.isalpha():
                    for form in _inflected(name.lower()):
                        names.setdefault(form, number)
    return names


@lru_cache(maxsize=1)
def month_pattern() -> str:
    names = sorted(month_numbers(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + r")\.?"


UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


@lru_cache(maxsize=1)
def unit_words() -> dict[str, str]:
    """'week', 'недели', 'тыдзень', ... -> 'week'."""
    words: dict[str, str] = {}
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for unit in UNIT_DAYS:
            for name in info.get(unit, []):
                if len(name) >= 3:
                    for form in _inflected(name.lower()):
                        words.setdefault(form, unit)
    for form in _inflected("сутки"):
        words.setdefault(form, "day")
    return words


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "один": 1, "одну": 1, "два": 2, "две": 2, "двумя": 2, "три": 3, "тремя": 3, "четыре": 4, "пять": 5,
}  # fmt: skip
BACKWARD = {"earlier", "before", "ago", "previously", "ранее", "раньше", "назад", "таму"}
FORWARD = {"later", "after", "afterwards", "позже", "спустя", "через", "пазней"}
NEXT_DAY = ("the next day", "the following day", "на следующий день", "на другой день", "назавтра")
PREVIOUS_DAY = ("the day before", "the previous day", "накануне", "напярэдадні")
