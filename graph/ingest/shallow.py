"""Sentences in languages the rules do not read fully (German, Polish, Belarusian, ...): what needs no
grammar. A word of SHALLOW_TRIGGERS names the kind; the known names, dates and money of the sentence
fill it in; every such candidate has a low confidence and says why."""

from __future__ import annotations

from functools import lru_cache

from graph.ingest.candidates import PLACE_KINDS, Candidate, Evidence, MoneyMention, Participant, Span
from graph.ingest.document import Digest
from graph.ingest.event_dates import date_near, inherited_date
from graph.ingest.language import NAMES
from graph.ingest.lexicon import SHALLOW_TRIGGERS
from graph.ingest.money import belarusian
from graph.ingest.segments import Sentence
from graph.ingest.titles import event_title
from graph.ingest.tokens import Token

CONFIDENCE = 0.3


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    return {
        word.lower(): kind for kind, words in SHALLOW_TRIGGERS.items() for word in words if " " not in word
    }


def _sum(money: list[MoneyMention], kind: str, digest: Digest) -> MoneyMention | None:
    if not money or kind not in {"contract_signing", "fine", "sentence"}:
        return None
    return belarusian(money[0], digest.main_country, digest.text) if kind != "contract_signing" else money[0]


HABITS = {"regelmäßig", "häufig", "oft", "gewöhnlich", "regularnie", "często", "zwykle"}
"""'Putin und Lukaschenko treffen sich regelmäßig': a habit, not an occasion (as modality.py's HABITS)."""


def shallow_candidates(digest: Digest, sentence: Sentence, tokens: list[Token]) -> list[Candidate]:
    if HABITS.intersection(t.text.lower() for t in tokens):
        return []
    kinds: dict[str, Token] = {}
    for token in tokens:
        kind = _words().get(token.text.lower())
        if kind:
            kinds.setdefault(kind, token)
    if not kinds:
        return []
    mentions = digest.mentions_in(sentence.span)
    people = [m.best for m in mentions if m.best.known and m.best.kind not in PLACE_KINDS]
    places = [m.best for m in mentions if m.best.known and m.best.kind in PLACE_KINDS]
    language = NAMES.get(digest.language_of(sentence), digest.language_of(sentence))
    found: list[Candidate] = []
    for kind, token in kinds.items():
        stated = date_near(digest, sentence, Span(token.start, token.end))
        chosen_date = stated.value if stated else inherited_date(digest, sentence).value
        money = digest.money_in(sentence.span)
        candidate = Candidate(
            kind=kind,
            title="",
            date=chosen_date,
            date_stated=stated is not None,
            participants=[Participant(a, "participant") for a in dict.fromkeys(people)],
            places=list(dict.fromkeys(places)),
            money=_sum(money, kind, digest),
            evidence=[Evidence(sentence.span, digest.quote(sentence.span))],
            confidence=CONFIDENCE,
            shallow=True,
            review=[
                f"this sentence is in {language}, which kg ingest does not read fully: the kind comes from "
                f"the word {token.text!r}, the names, dates and money from the gazetteer and patterns; "
                "check everything"
            ],
            paragraph=sentence.paragraph,
            sentence=sentence.index,
        )
        candidate.title = event_title(candidate)
        found.append(candidate)
    return found
