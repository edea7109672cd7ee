"""The sum a meeting discussed: 'they discussed the $1.2 billion loan', 'обсудили кредит в размере 1,2 млрд
долларов'. The annotation puts money on any event that carries a sum (loans, contracts), and a sum the
sentence of a meeting states is what was discussed, unless the sentence reports an event that carries the
sum itself: 'contracts worth $700 million were signed at the talks' gives it to the signing (money belongs
to one event).

Statements are left out: a speaker's figures ('trade was worth USD 50 billion') are not the statement's
sum (test_extraction_rules.test_a_sum_carried_by_a_sanction). Run after merging, so a meeting told over
several sentences is one event when its sum is chosen (two different sums keep candidates apart, merge.py)."""

from __future__ import annotations

from graph.ingest.candidates import Candidate, MoneyMention, Span
from graph.ingest.document import Digest
from graph.ingest.event_money import BRACKETED, MONEY_KINDS

TALK_KINDS = frozenset({"meeting"})
"""Kinds that take the sum they talk of; adding "statement" gives a speaker's figures to the statement."""


def sum_talked_of(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """A meeting without a sum takes the first one its sentences state, leaving out the sentences where
    another event carries a sum or is of a kind that takes one (a signing, a fine)."""
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
        sums = _stated(digest, span)
        if sums:
            candidate.money = sums[0]
            return


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
