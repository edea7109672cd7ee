"""The sum a meeting, statement or publication carries: 'they discussed the $1.2 billion loan', 'Siluanov
said Russia had granted a loan of $1.5 billion', 'обсудили кредит в размере 1,2 млрд долларов'. The
annotation guidelines put money "on any event that carries a sum (fines, damages, contracts, loans)"; a sum
in the sentences of such an event is its own unless another event of those sentences carries it:
'contracts worth $700 million were signed at the talks' gives it to the signing (money belongs to one
event).

What the sum is of decides. A loan, a credit, a fine, damages, a contract, aid or an investment is carried
by the event that tells of it. A figure of trade, exports or growth is a statistic, carried by nobody: a
speaker's 'trade was worth USD 50 billion' is no sum of the statement
(test_extraction_rules.test_a_sum_carried_by_a_sanction), nor of the talks it was said at. A meeting
takes any other sum its sentences state (what it discussed); a statement or publication only a sum named
as one of the carried things above, since speakers cite numbers of every sort. Run after merging, so a
meeting told over several sentences is one event when its sum is chosen (two different sums keep
candidates apart, merge.py)."""

from __future__ import annotations

import re

from graph.ingest.candidates import Candidate, MoneyMention, Span
from graph.ingest.document import Digest
from graph.ingest.event_money import BRACKETED, MONEY_KINDS
from graph.ingest.tokens import Token

TALK_KINDS = frozenset({"meeting", "statement", "publication"})
"""Kinds that take a sum they tell of; statements and publications only a carried one (CARRIED)."""
CARRIED = {
    "loan", "loans", "credit", "credits", "fine", "fines", "damages", "compensation", "contract",
    "contracts", "deal", "deals", "aid", "grant", "grants", "investment", "investments", "tranche",
    "tranches", "bail", "bribe", "bribes", "subsidy", "subsidies", "assistance", "funding", "allocated",
    "allocates", "allocate", "allocating", "lend", "lends", "lent", "refinancing",
    "кредит", "заем", "займ", "штраф", "ущерб", "компенсация", "контракт", "сделка", "помощь", "грант",
    "инвестиция", "транш", "залог", "взятка", "субсидия", "финансирование", "выделить", "выделять",
    "рефинансирование", "кредитование",
}  # fmt: skip
"""Things a sum is carried by: the lemma within a few words of the sum ('a loan of $1.5 billion', 'a
$1.5 billion loan', 'кредит в размере 1,5 млрд долларов', '20 тысяч рублей ущерба')."""
STATISTICS = {
    "trade", "turnover", "exports", "export", "imports", "import", "gdp", "growth", "output", "volume",
    "surplus", "deficit", "reserves", "revenue", "revenues", "price", "prices", "salary", "salaries",
    "wage", "wages", "pension", "pensions", "товарооборот", "оборот", "экспорт", "импорт", "ввп", "рост",
    "объем", "профицит", "дефицит", "резерв", "выручка", "доход", "цена", "зарплата", "пенсия",
    "сальдо",
}  # fmt: skip
"""Figures of an economy, not sums any event carries: a meeting or a speaker cites them."""
BEFORE, AFTER = 4, 2
"""How far from a sum its noun is looked for: 'a loan in the amount of $1 billion', '$1 billion loan'."""
STATISTIC_REACH = 8
"""'trade between the two countries was worth $50 billion': the figure's noun may stand further back."""


def sum_talked_of(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """A meeting, statement or publication without a sum takes the first one its sentences state that is
    of a kind it carries, leaving out the sentences where another event carries a sum or is of a kind that
    takes one (a signing, a fine)."""
    if candidate.kind not in TALK_KINDS or candidate.money is not None:
        return
    claimed = [
        e.span
        for other in kept
        if other is not candidate and (other.money is not None or other.kind in MONEY_KINDS)
        for e in other.evidence
    ]
    for span in sorted({e.span for e in candidate.evidence}, key=lambda s: s.start):
        if any(span.overlaps(c) for c in claimed):
            continue
        tokens = digest.tokens_in(span)
        for money in _stated(digest, span):
            of = _nouns_of(money, tokens, digest.text)
            if of["carried"] or (candidate.kind == "meeting" and not of["statistic"]):
                candidate.money = money
                return


VALUED = {
    "document", "documents", "agreement", "agreements", "project", "projects", "package", "portfolio",
    "документ", "соглашение", "проект", "договор", "пакет",
}  # fmt: skip
"""Things whose value a sum gives only when a word of value joins them ('99 documents totaling $1.054
billion', 'investment projects ... estimated at RUB105 billion', 'соглашений на сумму'); a project or a
document cited otherwise carries nothing."""
VALUE_JOIN = re.compile(
    r"(?:worth|totall?ing|amounting to|valued at|estimated at|на сумму|на общую сумму|общей стоимостью|"
    r"стоимостью|оценивается в)\s*"
    r"(?:about|around|more than|over|almost|nearly|some|более|около|почти|свыше)?\s*$",
    re.IGNORECASE,
)
VALUED_REACH = 10
"""Words back from the joining word to the thing valued ('the total amount of investment projects agreed
by the two countries is estimated at')."""


def _nouns_of(money: MoneyMention, tokens: list[Token], text: str = "") -> dict[str, bool]:
    """Whether the words beside a sum name a thing that carries it, or a statistic."""
    before = [t.norm for t in tokens if t.end <= money.span.start]
    after = [t.norm for t in tokens if t.start >= money.span.end]
    inside = [t.norm for t in tokens if money.span.start <= t.start and t.end <= money.span.end]
    near = set(before[-BEFORE:] + inside + after[:AFTER])
    joined = (
        bool(text) and VALUE_JOIN.search(text, max(0, money.span.start - 40), money.span.start) is not None
    )
    valued = joined and bool((CARRIED | VALUED) & set(before[-VALUED_REACH:]))
    statistic = bool(STATISTICS & set(before[-STATISTIC_REACH:] + after[:AFTER]))
    return {"carried": bool(CARRIED & near) or (valued and not statistic), "statistic": statistic}


def _stated(digest: Digest, span: Span) -> list[MoneyMention]:
    """The sums in a sentence, without the conversions bracketed after them ('$5 billion (€4.6 billion)')."""
    sums = digest.money_in(span)
    converted = {
        m.span.start
        for before in sums
        if (bracket := BRACKETED.match(digest.text, before.span.end)) is not None
        for m in sums
        if bracket.start(1) <= m.span.start < bracket.end(1)
    }
    return [m for m in sums if m.span.start not in converted]
