"""Which date belongs to which event: the nearest stated date, a range closed by "until ...", a date
relative to the last one mentioned, the date of "the visit" the sentence refers back to, and at worst
the digest's own week (flagged for review)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.ingest.candidates import DateMention, DateSpan, Span
from graph.ingest.dates import find_relative
from graph.ingest.document import Digest
from graph.ingest.segments import Sentence
from graph.ingest.tokens import is_participle

PRECISION_PENALTY = {"day": 0, "range": 0, "month": 40, "year": 80}


@dataclass(frozen=True)
class ChosenDate:
    value: DateSpan
    stated: bool
    note: str | None = None


def date_near(
    digest: Digest, sentence: Sentence, trigger: Span, exclude: list[Span] | None = None
) -> DateMention | None:
    """The stated date closest to the trigger, ranges closed by an 'until' bound in the same sentence
    (dates inside `exclude`, what a statement talks about, are not its date)."""
    elsewhere = (
        (exclude or []) + other_clauses(digest.text, sentence.span, trigger) + offences(digest, sentence)
    )
    mentions = [m for m in digest.dates_in(sentence.span) if not any(m.span.overlaps(x) for x in elsewhere)]
    starts = [m for m in mentions if not m.is_end_bound]
    if not starts:
        previous = [d for d in digest.dates if d.span.end <= sentence.span.start]
        if not previous:
            return None
        relative = find_relative(digest.text, sentence.span.start, sentence.span.end, previous[-1].value.end)
        return min(relative, key=lambda m: trigger.distance(m.span)) if relative else None
    best = min(starts, key=lambda m: trigger.distance(m.span) + PRECISION_PENALTY[m.value.precision])
    bounds = [m for m in mentions if m.is_end_bound and m.value.start > best.value.end]
    if bounds and best.value.precision == "day":
        end = bounds[0].value.end
        return DateMention(
            Span(best.span.start, bounds[0].span.end), DateSpan(best.value.start, end, "range")
        )
    return best


MODIFIER_CLAUSE = re.compile(
    r"(?<!\w)(?:who|whom|whose|which|where|когда|где|котор\w+|in response to|in retaliation for|following|"
    r"amid|в ответ на|на фоне|после того как)(?!\w)",
    re.IGNORECASE,
)
"""Where a clause that modifies a noun begins: a relative clause ('who went on trial in June'), a cause
('in response to the crackdown after the 2020 election', 'в ответ на подавление протестов августа 2020
года')."""
CAUSE = re.compile(r"(?<!\w)(?:in response to|in retaliation for|following|amid|в ответ на|на фоне)(?!\w)",
                   re.IGNORECASE)  # fmt: skip
CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s")
PARTICIPLE = re.compile(r",\s*([А-Яа-яЁё]+)")


def other_clauses(text: str, sentence: Span, trigger: Span) -> list[Span]:
    """Relative clauses, causes and (Russian) participial phrases that do not hold the trigger: a date in
    them dates what they tell ('a journalist, who went on trial in June, was arrested in October 2021';
    'договоренности, достигнутые на переговорах 9 сентября'), not the event."""
    starts = [m.start() for m in MODIFIER_CLAUSE.finditer(text, sentence.start, sentence.end)]
    starts += [
        m.start(1)
        for m in PARTICIPLE.finditer(text, sentence.start, sentence.end)
        if is_participle(m.group(1))
    ]
    clauses: list[Span] = []
    for start in starts:
        end = CLAUSE_END.search(text, start, sentence.end)
        clause = Span(start, end.start() if end else sentence.end)
        if not (clause.start <= trigger.start < clause.end):
            clauses.append(clause)
    return clauses


def in_cause(text: str, sentence: Span, trigger: Span) -> bool:
    """'The arrest came amid a crackdown ... after a poll that announced X the winner': the trigger tells
    the background of the sentence's news, not news of its own."""
    return any(
        CLAUSE_END.search(text, marker.end(), trigger.start) is None
        for marker in CAUSE.finditer(text, sentence.start, trigger.start)
    )


OFFENCE = re.compile(
    r"(?<!\w)(?:for (?:participat\w*|taking part|his part|her part|their part)|"
    r"за (?:участие|акци\w+|пикет\w*|митинг\w*))(?!\w)",
    re.IGNORECASE,
)
"""What a penalty is for: 'fined for participating in three protests: February 28, March 7 and 9', 'за
акцию 21 декабря оштрафовали': the dates right after it are the offence's, not the penalty's."""
OFFENCE_REACH = 60
DATE_LIST_JOIN = re.compile(r"[\s,]*(?:and|и)?\s*", re.IGNORECASE)


def offences(digest: Digest, sentence: Sentence) -> list[Span]:
    """The span from each offence phrase to the end of the dates listed right after it."""
    spans: list[Span] = []
    dates = [d for d in digest.dates_in(sentence.span) if not d.is_end_bound]
    for marker in OFFENCE.finditer(digest.text, sentence.span.start, sentence.span.end):
        listed = [d for d in dates if marker.end() <= d.span.start <= marker.end() + OFFENCE_REACH]
        if not listed:
            continue
        end = listed[0].span.end
        for following in dates[dates.index(listed[0]) + 1 :]:
            if DATE_LIST_JOIN.fullmatch(digest.text, end, following.span.start) is None:
                break
            end = following.span.end
        spans.append(Span(marker.start(), end))
    return spans


def sentence_date(digest: Digest, sentence: Sentence) -> DateSpan | None:
    offence = offences(digest, sentence)
    mentions = [
        m
        for m in digest.dates_in(sentence.span)
        if not m.is_end_bound and not any(m.span.overlaps(o) for o in offence)
    ]
    if not mentions:
        return None
    found = date_near(digest, sentence, mentions[0].span)
    return found.value if found else None


def inherited_date(digest: Digest, sentence: Sentence, spoken: list[Span] | None = None) -> ChosenDate:
    """No date in the sentence: the last one stated earlier in its paragraph, else the digest's week.
    Sentences inside `spoken` (the quotation a statement closes) tell what was said, not when."""
    for earlier in reversed(digest.sentences[: sentence.index]):
        if earlier.paragraph != sentence.paragraph:
            break
        if any(q.start <= earlier.span.start and earlier.span.end <= q.end + 1 for q in spoken or []):
            continue
        value = sentence_date(digest, earlier)
        if value is not None:
            return ChosenDate(value, False, f"date {value} taken from the sentence before; check it")
    return ChosenDate(
        digest.period,
        False,
        f"no date in the text; the digest's period {digest.period} was assumed",
    )
