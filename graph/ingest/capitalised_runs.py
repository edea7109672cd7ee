"""Runs of capitalised words in Latin-script text, and all-capital acronyms: the raw material of English
names (names.py decides what each run is). Articles, sentence openers, days and months at a run's ends are
no part of a name."""

from __future__ import annotations

import re

from graph.ingest.candidates import Span
from graph.ingest.date_words import month_numbers
from graph.ingest.lexicon import ORG_HEADS
from graph.ingest.money import CURRENCY_CODES
from graph.ingest.tokens import Token

CONNECTORS = {"of", "for", "the", "and", "on", "de"}
SENTENCE_OPENERS = {
    "the", "a", "an", "however", "at", "in", "on", "during", "while", "moreover", "meanwhile", "according",
    "as", "from", "this", "that", "these", "he", "she", "it", "they", "despite", "after", "before", "but",
    "and", "also", "since", "although", "when", "experts", "projects", "such", "most", "once", "yet",
}  # fmt: skip


MIDDLE_INITIAL = re.compile(r" [A-Z]\. ")


def capitalised_runs(text: str, tokens: list[Token], taken: list[Span]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for index, token in enumerate(tokens):
        inside = any(Span(token.start, token.end).overlaps(t) for t in taken)
        gap = text[current[-1].end : token.start] if current else " "
        capital = token.text[0].isupper() and not inside
        if current and len(token.text) == 1 and token.text.isupper() and text.startswith(". ", token.end):
            continue  # 'Steven T. Mnuchin': a middle initial stays inside the run, no word of its own
        initial = MIDDLE_INITIAL.fullmatch(gap) is not None
        joins = bool(current) and (gap.strip() == "" or initial) and gap.count("\n") == 0
        if capital and (joins or not current):
            current.append(token)
            continue
        if joins and token.text in CONNECTORS and _next_is_capital(tokens, index):
            current.append(token)
            continue
        runs.append(current)
        current = [token] if capital else []
    runs.append(current)
    return [_trim(run, text) for run in runs if _trim(run, text)]


def _next_is_capital(tokens: list[Token], index: int) -> bool:
    following = tokens[index + 1 : index + 3]
    return any(t.text[0].isupper() for t in following if t.text not in CONNECTORS)


TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _trim(run: list[Token], text: str) -> list[Token]:
    """Leading articles and sentence openers, trailing connectors and days ('the Treasury on Friday')."""
    while run and (
        run[0].text in CONNECTORS
        or run[0].text in {"The", "A", "An"}
        or _opens_sentence(run[0], text)
        or (len(run) > 1 and (run[0].norm in TIME_WORDS or is_month(run[0].text)))
    ):
        run = run[1:]
    while run and (run[-1].text in CONNECTORS or run[-1].norm in TIME_WORDS or is_month(run[-1].text)):
        run = run[:-1]
    return run


def _opens_sentence(token: Token, text: str) -> bool:
    before = text[max(0, token.start - 3) : token.start].strip()
    return token.norm in SENTENCE_OPENERS and (before == "" or before[-1] in '.!?;:\n“"')


def split_on_and(runs: list[list[Token]]) -> list[list[Token]]:
    """'Ivan Petrov and Pavel Sidorov': two names (an organisation keeps its 'and': 'Ministry of Trade
    and Industry' has a head word)."""
    split: list[list[Token]] = []
    for run in runs:
        if any(t.norm in ORG_HEADS for t in run) or not any(t.text == "and" for t in run):
            split.append(run)
            continue
        current: list[Token] = []
        for token in run:
            if token.text == "and":
                split.append(current)
                current = []
            else:
                current.append(token)
        split.append(current)
    return [run for run in split if run]


def is_month(name: str) -> bool:
    return name.lower() in month_numbers()


ROMAN = re.compile(r"^[IVXLC]+$")
TITLE_ACRONYMS = {"CEO", "CFO", "COO", "CTO", "MP", "MEP", "PM", "VIP", "PR", "PhD", "TV"}
"""Capitals that name a post or a thing, not a body ('the CEO of Russian Railways')."""


def acronyms(tokens: list[Token], taken: list[Span]) -> list[tuple[Span, str]]:
    """'the Belarusian KGB', 'OMON': an unknown all-capital word of 2-6 letters names a body."""
    found: list[tuple[Span, str]] = []
    for token in tokens:
        span = Span(token.start, token.end)
        word = token.text
        if (
            2 <= len(word) <= 6
            and word.isalpha()
            and word.isupper()
            and word.isascii()
            and not ROMAN.match(word)
            and word not in CURRENCY_CODES
            and word not in TITLE_ACRONYMS
            and not any(span.overlaps(t) for t in taken)
        ):
            found.append((span, word))
    return found
