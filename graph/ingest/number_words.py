"""Numbers written in words, English and Russian: "three thousand", "twenty-five million", "три тысячи",
"полутора миллиардов", "двухсот тысяч". Each word's value, its Russian forms from pymorphy3's tables."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from graph.ingest.date_words import _inflected

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900,
}  # fmt: skip
HALVES = {"полтора": Decimal("1.5"), "полторы": Decimal("1.5"), "полутора": Decimal("1.5")}
HUNDRED = {"hundred"}
SCALES = {"thousand": 3, "million": 6, "billion": 9, "тысяча": 3, "миллион": 6, "миллиард": 9}


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[str, Decimal]]:
    """Every form of every number word (lower case) -> ('unit' | 'hundred' | 'scale', its value)."""
    words: dict[str, tuple[str, Decimal]] = {}
    for word, value in UNITS.items():
        for form in _inflected(word):
            words.setdefault(form, ("unit", Decimal(value)))
    for word, half in HALVES.items():
        words[word] = ("unit", half)
    for word in HUNDRED:
        words[word] = ("hundred", Decimal(100))
    for word, power in SCALES.items():
        for form in _inflected(word) | {word + "s"}:
            words.setdefault(form, ("scale", Decimal(1).scaleb(power)))
    return words


@lru_cache(maxsize=1)
def number_words_pattern() -> str:
    """A run of number words ('twenty-five thousand', 'трех миллионов'), for a larger pattern."""
    alternation = "|".join(re.escape(w) for w in sorted(number_words(), key=len, reverse=True))
    word = rf"(?:{alternation})"
    return rf"{word}(?:(?:\s+|-)(?:and\s+)?{word})*"


def words_value(phrase: str) -> Decimal | None:
    """'three hundred and twenty thousand' -> 320000; 'полутора миллиардов' -> 1500000000; None when a
    word is not a number word or the run does not read as one number."""
    total, current = Decimal(0), Decimal(0)
    seen = False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word == "and":
            continue
        kind_value = number_words().get(word)
        if kind_value is None:
            return None
        kind, value = kind_value
        if kind == "unit":
            current += value
        elif kind == "hundred":
            current = (current or Decimal(1)) * value
        else:
            total += (current or Decimal(1)) * value
            current = Decimal(0)
        seen = True
    return (total + current).normalize() + Decimal(0) if seen else None
