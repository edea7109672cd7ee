"""The sum of one event: the one its sentence carries, in the currency of the country it happened in, or the
one the next sentence tells."""

from __future__ import annotations

import re

from graph.ingest.candidates import Candidate, Evidence, MoneyMention, Span
from graph.ingest.document import Digest
from graph.ingest.money import REDENOMINATION, belarusian, find_money
from graph.ingest.places import known_city
from graph.ingest.segments import Sentence
from graph.ingest.triggers import Trigger, find_triggers

MONEY_KINDS = {"contract_signing", "fine", "sentence"}
SUMS_TOLD_OF = {"statement", "meeting", "visit", "publication"}
"""Kinds whose sentences speak of sums (trade figures, a speaker's numbers) without carrying one."""
CARRYING = re.compile(
    r"(?:worth|of|totall?ing|amounting to|valued at|на сумму|в размере|стоимостью|на)"
    r"(?:\s+(?:about|around|more than|over|almost|nearly|some|более|около|почти|свыше))?\s*$",
    re.IGNORECASE,
)
"""'assets worth $2 million were frozen', 'залог в размере 5 тысяч рублей': the sum is the event's."""
BRACKETED = re.compile(r"\s*\(([^()]{1,40})\)")
SUM_WORDS = {
    "value", "total", "worth", "amount", "amounted", "sum", "fine", "totalled", "totaled", "сумма",
    "стоимость", "объем", "объём", "составить", "штраф", "размер",
}  # fmt: skip
"""'Their total value exceeded $1.5 billion', 'Общая сумма контрактов превысила ...', 'Штраф составил ...':
the next sentence tells the sum of the event before it."""


def assign_money(candidate: Candidate, digest: Digest, sentence: Sentence, trigger: Trigger) -> None:
    """A signing's, fine's or sentence's sum near its trigger; any other kind's when the sentence carries
    it ('worth', 'на сумму'). A fine's or sentence's sum is the one stated first, in the currency of the
    country it was imposed in."""
    if candidate.kind in MONEY_KINDS and candidate.money is None:
        candidate.money = _money_for(digest, sentence, trigger)
    elif candidate.kind not in SUMS_TOLD_OF and candidate.money is None:
        candidate.money = _carried_sum(digest, sentence, trigger)
    if candidate.money is not None and candidate.kind in {"fine", "sentence"}:
        candidate.money = _stated_first(digest, sentence, candidate.money)
        country = _event_country(candidate, digest) or digest.main_country
        candidate.money = belarusian(candidate.money, country, digest.text, candidate.date.start)
        if candidate.money.currency == "BYN" and candidate.date.start < REDENOMINATION:
            candidate.review.append("a sum in Belarusian roubles before July 2016 (BYR): check the currency")


def _money_for(digest: Digest, sentence: Sentence, trigger: Trigger) -> MoneyMention | None:
    """The sum nearest after the trigger, else the last one before it; never a sum another sum-carrying
    event of the sentence owns ('sentenced to three years and fined 10,000 rubles': the fine's)."""
    money = [m for m in digest.money_in(sentence.span) if _owner(digest, sentence, m) in {None, trigger.kind}]
    if not money:
        return None
    named = [m for m in money if NAMES_THE_SUM.fullmatch(digest.text, m.span.end, trigger.span.start)]
    if named:
        return named[-1]  # '1,850 rubles in fines and 5,000 rubles in damages', 'a 4,800-ruble fine'
    after = [m for m in money if m.span.start >= trigger.span.start]
    return after[0] if after else money[-1]


NAMES_THE_SUM = re.compile(r"\s*(?:in|as|of|-)?\s*", re.IGNORECASE)
"""A sum right before the trigger noun that names it: '1,850 rubles in fines', '$93 fine'."""


def _owner(digest: Digest, sentence: Sentence, money: MoneyMention) -> str | None:
    """The kind of the sum-carrying trigger a sum follows most closely (else the first after it), when the
    sentence tells events of more than one such kind: money belongs to one event, and 'приговорили к
    штрафу в 100 базовых величин', 'sentenced to three years and fined 10,000 rubles' give it to the
    fine, 'fined 500 rubles and sentenced to ten days' too."""
    triggers = [t for t in find_triggers(digest.tokens_in(sentence.span)) if t.kind in MONEY_KINDS]
    if len({t.kind for t in triggers}) < 2:
        return None
    before = [t for t in triggers if t.span.end <= money.span.start]
    return (before[-1] if before else triggers[0]).kind


def _carried_sum(digest: Digest, sentence: Sentence, trigger: Trigger) -> MoneyMention | None:
    """A sum any other event carries: after its trigger, in its clause, joined by 'worth', 'of', 'на
    сумму', 'в размере'."""
    for money in digest.money_in(sentence.span):
        between = digest.text[trigger.span.end : money.span.start]
        in_clause = len(between) <= 80 and not re.search(r"[;:]", between)
        if money.span.start >= trigger.span.end and in_clause and CARRYING.search(between):
            words = digest.tokens_in(Span(trigger.span.end, money.span.start))
            if any(t.kind in MONEY_KINDS for t in find_triggers(words)):
                return None  # 'detained on May 3, and on May 10 fined 1,850 rubles': the fine's sum
            return money
    return None


def _stated_first(digest: Digest, sentence: Sentence, money: MoneyMention) -> MoneyMention:
    """'$93 fine' in the headline, then '200,000 rubels ($93)': the sum in brackets converts the one
    before it, and when the text stated it first (a headline, a lead), it is the event's sum."""
    bracket = BRACKETED.match(digest.text, money.span.end)
    if bracket is None:
        return money
    converted = find_money(digest.text, bracket.start(1), bracket.end(1))
    if not converted:
        return money
    earlier = find_money(digest.text, 0, sentence.span.start)
    same = [m for m in earlier if (m.amount, m.currency) == (converted[0].amount, converted[0].currency)]
    return converted[0] if same else money


def _event_country(candidate: Candidate, digest: Digest) -> str | None:
    """The country the event happened in: of its place or court seat, else of the body that acted."""
    bodies = [p.actor for p in candidate.participants if p.actor.kind == "organization"]
    for actor in [*candidate.places, *bodies]:
        if actor.kind == "country":
            return actor.id
        if actor.id in digest.countries:
            return digest.countries[actor.id]
        city = known_city(actor.name) if actor.kind == "city" else None
        if city is not None:
            return f"country:{city.country}"
    return None


def sum_told_next(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """A signing or penalty told without its sum takes the one sum the sentence right after it gives with
    a word of value, when that sentence reports no event of a sum-carrying kind of its own."""
    last = max(e.span.start for e in candidate.evidence)
    following = digest.sentence_after(last)
    if following is None:
        return
    sums = digest.money_in(following.span)
    words = {t.norm for t in digest.tokens_in(following.span)} | {
        t.text.lower() for t in digest.tokens_in(following.span)
    }
    if len(sums) != 1 or not SUM_WORDS & words:
        return
    if any(o.kind in MONEY_KINDS and o.evidence[0].span.overlaps(following.span) for o in kept):
        return
    candidate.money = sums[0]
    if candidate.kind in {"fine", "sentence"}:  # 'The fine amounted to 1,850 rubles': in Belarus, BYN
        country = _event_country(candidate, digest) or digest.main_country
        candidate.money = belarusian(candidate.money, country, digest.text, candidate.date.start)
    candidate.evidence.append(Evidence(following.span, digest.quote(following.span)))


REFERS_BACK = re.compile(
    r"(?<!\w)(?:соответствующ\w+|данн(?:ый|ое|ую|ого)|указанн\w+|это(?:т|го)?\s+(?:документ|соглашени)\w*|"
    r"the relevant|the corresponding|the said|this (?:agreement|document|deal|contract))(?!\w)",
    re.IGNORECASE,
)
"""'Соответствующий документ подписали 16 ноября', 'The relevant agreement has been signed': the signing
refers back to what the sentence before told."""


def sum_told_before(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """'Россия выделит Беларуси кредит в 105 миллиардов рублей. Соответствующий документ подписали 16
    ноября': a signing without a sum that refers back to the sentence before takes the sum that sentence
    states first (not its bracketed conversion), when no event of that sentence carries one."""
    if candidate.kind != "contract_signing" or candidate.money is not None:
        return
    first = min(e.span.start for e in candidate.evidence)
    index = next((i for i, s in enumerate(digest.sentences) if s.span.start == first), None)
    if not index or REFERS_BACK.search(digest.quote(digest.sentences[index].span)) is None:
        return
    before = digest.sentences[index - 1]
    if any(
        o is not candidate and o.money is not None and o.evidence[0].span.overlaps(before.span) for o in kept
    ):
        return
    sums = digest.money_in(before.span)
    if sums:
        candidate.money = sums[0]
        candidate.evidence.insert(0, Evidence(before.span, digest.quote(before.span)))
