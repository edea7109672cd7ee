"""Several events told in one sentence of one kind.

"X held talks with the leaders of A – Y, B – Z and C – W": one meeting with each counterpart (persons,
not their countries). "Savich and Antonchyk were fined 675 BYN and 810 BYN, respectively": one fine each,
with its own sum.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.ingest.candidates import Candidate, Evidence, Participant, Span
from graph.ingest.document import Digest
from graph.ingest.segments import Sentence
from graph.ingest.situated import Situated
from graph.ingest.triggers import Trigger

DASHES = "–—-"
WITH = re.compile(r"(?:\bwith|(?<!\w)[сc])\s+(?:the\s+)?(?:\w+\s+){0,4}$", re.IGNORECASE)
"""'... with the governor X, and in Ufa with Y', 'с губернатором X, а в Уфе — с Y': each its own meeting."""
THAT = re.compile(r"\b(?:that|что)\b", re.IGNORECASE)
"""What someone said after the meeting names ('announced that he plans more meetings with Putin') is
not a counterpart."""
RESPECTIVELY = ("respectively", "соответственно")


def split_candidate(
    candidate: Candidate, trigger: Trigger, digest: Digest, sentence: Sentence, situated: list[Situated]
) -> list[Candidate]:
    if candidate.kind == "meeting":
        return _counterparts(candidate, trigger, digest, situated)
    if candidate.kind in {"fine", "sentence"}:
        split = _respectively(candidate, trigger, digest, sentence)
        return split if len(split) > 1 else _alternating(candidate, trigger, digest, sentence, situated)
    if candidate.kind in PER_PERSON:
        return _per_person(candidate)
    return [candidate]


PER_PERSON = {"appointment": "appointee", "dismissal": "dismissed"}
"""Kinds that are one event per person and post: 'appointed X as minister and Y as ambassador', 'dismissed
the ambassador X and the head of mission Y' are two appointments, two dismissals (who decided is in each)."""


def _per_person(candidate: Candidate) -> list[Candidate]:
    role = PER_PERSON[candidate.kind]
    concerned = [p for p in candidate.participants if p.role == role]
    if len(concerned) < 2:
        return [candidate]
    others = [p for p in candidate.participants if p.role != role]
    return [
        replace(candidate, participants=[*others, person], review=list(candidate.review))
        for person in concerned
    ]


def _counterparts(
    candidate: Candidate, trigger: Trigger, digest: Digest, situated: list[Situated]
) -> list[Candidate]:
    that = THAT.search(digest.text, trigger.span.end)
    cut = that.start() if that else len(digest.text)
    after = [
        s for s in situated if trigger.span.end <= s.mention.span.start < cut and s.actor.kind == "person"
    ]
    dashed = [
        s
        for s in after
        if any(d in digest.text[max(0, s.mention.span.start - 3) : s.mention.span.start] for d in DASHES)
    ]
    if len(dashed) < 2:
        dashed = [s for s in after if _with_before(s, digest.text, after)]
    if len(dashed) < 2:
        return [candidate]
    persons = {s.actor.id for s in dashed}
    listed = {
        s.actor.id for s in situated if s.mention.span.start >= trigger.span.end and s.actor.id not in persons
    }
    hosts = [p for p in candidate.participants if p.actor.id not in persons and p.actor.id not in listed]
    split: list[Candidate] = []
    start = trigger.span.start
    for s in dashed:
        places = [
            p.actor
            for p in situated
            if p.is_place and p.locative and start <= p.mention.span.start < s.mention.span.start
        ]
        split.append(
            replace(
                candidate,
                participants=[*hosts, Participant(s.actor, "participant")],
                places=places or ([] if split else candidate.places),
                review=list(candidate.review),
            )
        )
        start = s.mention.span.end
    return split


def _with_before(person: Situated, text: str, others: list[Situated]) -> bool:
    """'with the governor X': 'with' before the name, and no other name between them ('после переговоров
    с Путиным Лукашенко заявил': Лукашенко is not one more counterpart)."""
    start = max(0, person.mention.span.start - 40)
    found = WITH.search(text[start : person.mention.span.start])
    if found is None:
        return False
    since = start + found.start()
    return not any(since <= o.mention.span.start < person.mention.span.start for o in others)


def _respectively(
    candidate: Candidate, trigger: Trigger, digest: Digest, sentence: Sentence
) -> list[Candidate]:
    if not any(word in digest.quote(sentence.span).lower() for word in RESPECTIVELY):
        return [candidate]
    people = [p for p in candidate.participants if p.actor.kind == "person"]
    money = [m for m in digest.money_in(sentence.span) if m.span.start >= trigger.span.start]
    if len(people) < 2 or len(money) != len(people):
        return [candidate]
    others = [p for p in candidate.participants if p.actor.kind != "person"]
    return [
        replace(candidate, participants=[person, *others], money=sum_, review=list(candidate.review))
        for person, sum_ in zip(people, money, strict=True)
    ]


def _alternating(
    candidate: Candidate, trigger: Trigger, digest: Digest, sentence: Sentence, situated: list[Situated]
) -> list[Candidate]:
    """'X was fined 1,850 rubles, and Y 2,000 rubles', 'X оштрафовали на 1 850 рублей, а Y — на 2 000',
    'оштрафовал X на 1350 рублей, Y, Z и W — на 810 рублей', 'X оштрафован на 3,15 млн, Y — на 4,2 млн':
    each person, or each list of persons,
    followed by its own sum is a penalty of its own (different sums, different events). Each event's
    evidence is its part of the sentence, from the one before's sum to its own."""
    concerned = {p.actor.id: p for p in candidate.participants if p.actor.kind == "person"}
    for first in list(concerned.values())[:1]:  # the role the verb gave, for the persons listed after it
        for listed in _dashed(situated, trigger, digest):
            concerned.setdefault(listed.actor.id, replace(first, actor=listed.actor))
    people = [s for s in situated if s.actor.id in concerned]
    money = [m for m in digest.money_in(sentence.span) if m.span.start >= trigger.span.start]
    if len(people) < 2 or len(money) < 2 or len({(m.amount, m.currency) for m in money}) < 2:
        return [candidate]
    groups: list[list[Situated]] = [[] for _ in money]
    for person in people:
        index = next((i for i, m in enumerate(money) if person.mention.span.end <= m.span.start), None)
        if index is None:
            return [candidate]
        groups[index].append(person)
    if not all(groups):
        return [candidate]
    others = [p for p in candidate.participants if p.actor.kind != "person"]
    split: list[Candidate] = []
    start = sentence.span.start
    for group, sum_ in zip(groups, money, strict=True):
        span = Span(start, sum_.span.end)
        split.append(
            replace(
                candidate,
                participants=[*_unique([concerned[s.actor.id] for s in group]), *others],
                money=sum_,
                evidence=[Evidence(span, digest.quote(span))],
                review=list(candidate.review),
            )
        )
        start = sum_.span.end
    return split


DASHED = re.compile(r"\s*[–—-]\s")


def _dashed(situated: list[Situated], trigger: Trigger, digest: Digest) -> list[Situated]:
    """'X оштрафован на 15 базовых величин, Латышев — 20 базовых величин (4,2 млн)': after the verb, a
    person followed by a dash is one more concerned, the dash standing for the verb."""
    return [
        s
        for s in situated
        if s.actor.kind == "person"
        and s.mention.span.start >= trigger.span.end
        and DASHED.match(digest.text, s.mention.span.end) is not None
    ]


def _unique(participants: list[Participant]) -> list[Participant]:
    return list({p.actor.id: p for p in participants}.values())
