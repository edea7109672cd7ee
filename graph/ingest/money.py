"""Sums of money in prose: "USD 13 million", "$50 million", "300 million roubles", "BYN 2.5 million",
"13 млн долларов", "2,5 млрд белорусских рублей", "4 млрд 431 млн рублей", "a 4,800-ruble fine", and in
words: "three thousand rubles", "полутора миллиардов рублей".
Amounts are exact decimals."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pydantic import TypeAdapter, ValidationError

from graph.ingest.candidates import MoneyMention, Span
from graph.ingest.date_words import _inflected
from graph.ingest.number_words import number_words_pattern, words_value
from graph.ingest.tokens import _morph
from graph.model.money import CurrencyCode

CURRENCY_CODES = ("USD", "EUR", "RUB", "BYN", "BYR", "CNY", "GBP", "UAH", "PLN", "KZT", "CHF", "JPY")
SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "₽": "RUB", "£": "GBP", "¥": "CNY", "₴": "UAH", "Br": "BYN"}
"""'Br 740', 'Br12.5 million': the Belarusian rouble's sign (only as a word of its own, never inside one)."""
CURRENCY_WORDS = {
    "USD": ["dolarów", "dolary", "Dollar", "dollar", "dollars", "US dollars", "U.S. dollars", "доллар",
            "доллар США", "долар", "долл"],
    "PLN": ["złotych", "złote", "zł", "zloty", "zlotys", "zlotych"],
    "EUR": ["euro", "euros", "евро", "еўра"],
    "RUB": ["rouble", "roubles", "ruble", "rubles", "rubel", "rubels", "rub", "Russian roubles",
            "Russian rubles", "rubli", "rubla", "Rubel", "Rubeln",
            "российский рубль", "рубль", "руб", "расійскі рубель"],
    "BYN": ["Belarusian roubles", "Belarusian rubles", "белорусский рубль", "беларускі рубель", "бел. рубль",
            "белорусских руб", "бел. руб"],
    "CNY": ["yuan", "юань"],
    "GBP": ["pounds sterling", "фунт стерлингов"],
    "UAH": ["hryvnia", "hryvnias", "гривна", "гривня"],
}  # fmt: skip
MULTIPLIERS = {
    "thousand": 3, "k": 3, "тыс": 3, "тысяча": 3, "тысяч": 3,
    "million": 6, "millions": 6, "mln": 6, "mn": 6, "m": 6, "млн": 6, "миллион": 6, "мільён": 6,
    "billion": 9, "billions": 9, "bn": 9, "b": 9, "млрд": 9, "миллиард": 9, "мільярд": 9,
    "trillion": 12, "трлн": 12, "триллион": 12,
}  # fmt: skip
NUMBER = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _currency_words() -> dict[str, str]:
    words: dict[str, str] = {code.lower(): code for code in CURRENCY_CODES}
    for code, phrases in CURRENCY_WORDS.items():
        for phrase in phrases:
            for form in _phrase_forms(phrase):
                words.setdefault(form.lower(), code)
    return words


def _phrase_forms(phrase: str) -> set[str]:
    """Every case and number of a Russian/Belarusian phrase, the adjectives agreeing with the noun."""
    *head, last = phrase.split(" ")
    if last.isascii():
        return {phrase}
    forms: set[str] = set()
    for noun in _morph().parse(last.lower())[0].lexeme:
        grammemes = {g for g in (noun.tag.case, noun.tag.number) if g}
        words = [_agree(word, grammemes) for word in head]
        forms.add(" ".join([*words, str(noun.word)]))
    return forms


def _agree(word: str, grammemes: set[str]) -> str:
    inflected = _morph().parse(word.lower())[0].inflect(grammemes)
    return str(inflected.word) if inflected else word.lower()


@lru_cache(maxsize=1)
def _multiplier_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for word, power in MULTIPLIERS.items():
        for form in _inflected(word):
            words.setdefault(form, power)
    return words


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    cur = _alternation(list(_currency_words()))
    sym = _alternation(list(SYMBOLS))
    mult = _alternation(list(_multiplier_words()))
    rest = rf"(?:\s+(?P<num2>\d{{1,3}})\s*(?P<mult2>{mult})\b\.?)?"
    amount = rf"(?P<num>{NUMBER})(?:\s*(?P<mult>{mult})\b\.?{rest})?"
    codes = "|".join(CURRENCY_CODES)
    before = rf"(?:(?<![^\W\d])(?P<sym>{sym})\s?|\b(?P<code>{cur})\s+|\b(?P<tight>{codes})(?=\d)){amount}"
    after = rf"\b{amount}(?:\s+|-)(?P<cur>{cur})(?!\w)\.?"
    spelled = rf"(?<![\w-])(?P<words>{number_words_pattern()})(?:\s+of)?\s+(?P<cur>{cur})(?!\w)\.?"
    bare = rf"(?<![\w.,])(?P<num>{NUMBER})\s*(?P<mult>{mult})\b\.?(?=\s*[),;]|\s*$)"
    return (
        re.compile(before, re.IGNORECASE),
        re.compile(after, re.IGNORECASE),
        re.compile(spelled, re.IGNORECASE),
        re.compile(bare, re.IGNORECASE | re.MULTILINE),
    )


def find_money(text: str, start: int = 0, end: int | None = None) -> list[MoneyMention]:
    found: list[MoneyMention] = []
    stop = len(text) if end is None else end
    matches = [m for pattern in _patterns() for m in pattern.finditer(text, start, stop)]
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if any(f.span.start < match.end() and match.start() < f.span.end for f in found):
            continue
        groups = {k: v for k, v in match.groupdict().items() if v}
        currency = SYMBOLS.get(groups["sym"]) if "sym" in groups else None
        written = groups.get("code") or groups.get("tight") or groups.get("cur") or ""  # 'RUB105 billion'
        currency = currency or _currency_words().get(written.lower()) or _carried_over(text, found, match)
        if "words" in groups:  # 'three thousand rubles', 'полутора миллиардов рублей'
            amount = words_value(groups["words"])
        else:
            amount = _amount(groups["num"], groups.get("mult"))
        if amount is not None and "num2" in groups:  # '4 млрд 431 млн', '1 billion 200 million'
            amount += _amount(groups["num2"], groups.get("mult2")) or Decimal(0)
        if currency and amount is not None:
            start = match.start()
            lower = RANGE_START.search(text, max(0, start - 40), start)
            low = lower.group("low") or lower.group("dash") if lower is not None else None
            numeric = "num" in groups and match.start("num") == start
            if lower is not None and low and numeric and _below(low, groups["num"]):
                amount = _amount(low, groups.get("mult")) or amount
                start = lower.start()
            found.append(MoneyMention(Span(start, match.end()), amount, currency))
    found.sort(key=lambda f: f.span.start)
    return [m for i, m in enumerate(found) if i == 0 or not _conversion(text, found[i - 1], m)]


CARRY_REACH = 120


def _carried_over(text: str, found: list[MoneyMention], match: re.Match[str]) -> str | None:
    """'X — 15 базовых величин (3,15 млн рублей), Y — 20 базовых величин (4,2 млн)': a bare amount with
    its multiplier, in a list after a sum in the same sentence, is in that sum's currency."""
    if not match.groupdict().get("mult") or not found:
        return None
    previous = found[-1]
    between = text[previous.span.end - 1 : match.start()]  # the sum's own span may end in a stop
    if len(between) > CARRY_REACH or re.search(r"[.!?]\s", between) or "\n" in between:
        return None
    return previous.currency


RANGE_START = re.compile(
    rf"(?:\b(?:from|between|от)\s+(?P<low>{NUMBER})\s+(?:to|and|до)\s*|(?<![\w.,])(?P<dash>{NUMBER})[-–—])$",
    re.IGNORECASE,
)
"""'от 500 до 700 млн долларов', 'from 500 to 700 million dollars', '5-7 million roubles': a range whose
multiplier and currency are stated once, after its upper bound; the sum is the one stated first, its lower
bound (as of a sum in two currencies, the corpus guidelines take the one stated first)."""

CONVERSION = re.compile(
    r"[\s\w-]{0,12}[(\[]\s*(?:ok\.|ca\.|about|approx\.|approximately|around|около|примерно|≈|~)?\s*$",
    re.IGNORECASE,
)


def _conversion(text: str, previous: MoneyMention, mention: MoneyMention) -> bool:
    """'a 4,800-ruble ($1,900) fine', '460 rubli (ok. 700 zł)', 'RUB105 billion [about $1.6 billion]': the
    sum in brackets after another converts it; the text's own sum is the one stated first."""
    return CONVERSION.fullmatch(text, previous.span.end, mention.span.start) is not None


LOCAL_CURRENCY = {"RUB": "BYN"}
REDENOMINATION = date(2016, 7, 1)
"""Belarusian roubles before the July 2016 redenomination are BYR, after it BYN."""
BASE_UNITS = re.compile(r"базов\w* величин|base (?:unit|value|amount)s?|basic units?", re.IGNORECASE)
"""'20 базовых величин (740 рублей)': base units exist only in Belarus, so its roubles are Belarusian."""


def belarusian(
    money: MoneyMention, main_country: str | None, text: str, when: date | None = None
) -> MoneyMention:
    """Roubles in a fine or sentence in Belarus are Belarusian roubles (unless 'Russian'): the country is
    the event's (`main_country` is the court's or place's when known, else the text's); a sum beside
    base units is Belarusian wherever the text is about. Before July 2016 they are BYR."""
    if money.currency not in LOCAL_CURRENCY and money.currency not in {"BYN", "BYR"}:
        return money
    near = text[max(0, money.span.start - 60) : money.span.end + 10]
    if money.currency in LOCAL_CURRENCY:
        if main_country != "country:BY" and not BASE_UNITS.search(near):
            return money
        words = text[max(0, money.span.start - 30) : money.span.end].lower()
        if "russian" in words or "российск" in words or "rosyjsk" in words or "russisch" in words:
            return money
    currency = "BYR" if when is not None and when < REDENOMINATION and currency_known("BYR") else "BYN"
    return replace(money, currency=currency)


@lru_cache(maxsize=16)
def currency_known(code: str) -> bool:
    """Whether graph.model takes the code (it follows ISO 4217 as current: a withdrawn code such as BYR
    is refused, so a draft never carries one the loader would reject)."""
    try:
        TypeAdapter(CurrencyCode).validate_python(code)
    except ValidationError:
        return False
    return True


def _below(low: str, high: str) -> bool:
    """'от 500 до 700 млн': a range runs upwards ('from 2020 to 700 million' is a year, then a sum)."""
    one, other = _amount(low, None), _amount(high, None)
    return one is not None and other is not None and one < other


def _amount(number: str, multiplier: str | None) -> Decimal | None:
    digits = re.sub(r"[\u00a0\u202f ]", "", number)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")
    digits = digits.replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    power = _multiplier_words().get(multiplier.lower().rstrip(".")) if multiplier else 0
    return (value.scaleb(power or 0)).normalize() + Decimal(0)
