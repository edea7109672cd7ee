"""One event reported twice becomes one candidate with two pieces of evidence.

Digests open with a summary paragraph that the body then tells in detail; a statement often runs over
two sentences ("he announced ... Moreover, he believes ...").
"""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from graph.ingest.document import Digest


def merge_candidates(candidates: list[Candidate], digest: Digest) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in candidates:
        if candidate.kind == "statement":
            last = next((k for k in reversed(kept) if k.kind == "statement"), None)
            target = last if last is not None and _continues(last, candidate) else None
            if target is None and digest.period.start == digest.period.end:
                target = next((k for k in reversed(kept) if _same_occasion(k, candidate)), None)
        else:
            target = next(
                (k for k in reversed(kept) if _continues(k, candidate) or _same_sum(k, candidate)), None
            )
        if target is None:
            kept.append(candidate)
        else:
            _absorb(target, candidate)
    lead = _lead_paragraphs(digest)
    headline = _headline_paragraph(digest)
    result: list[Candidate] = []
    for candidate in kept:
        if candidate.paragraph == headline:
            told_in_body = any(e.span.start >= digest.header.body.start for e in candidate.evidence)
            body = [c for c in kept if c.paragraph != headline and c.kind == candidate.kind]
            best = max(body, key=lambda c: _overlap(candidate, c), default=None)
            # a headline that took the body's telling is an event told, when the rest is someone else's
            told = told_in_body and best is not None and bool(_people(best)) and not _overlap(candidate, best)
            if best is not None and not told:
                _absorb(best, candidate, keep_date=True)
                continue
            between_people = len(_people(candidate)) >= 2  # 'during his Sochi meeting with Russian PM X'
            if candidate.named_by_noun and not told_in_body and not between_people:
                continue  # a headline naming a topic ('Forum of regions: a new record') reports nothing
        if candidate.paragraph in lead:
            details = [c for c in kept if c.paragraph not in lead and _same_event(candidate, c, digest)]
            detail = max(details, key=lambda c: _overlap(candidate, c), default=None)
            if detail is not None:
                _absorb(detail, candidate, keep_date=True)
                continue
        result.append(candidate)
    return sorted(result, key=lambda c: c.evidence[0].span.start)


STATEMENT_REACH = 3
"""Sentences over which one speaker's words are one statement (one occasion), when nobody else speaks
in between."""


WHOLE_TEXT = {"sanction", "expulsion"}
"""Kinds a news text tells once and then describes: every later mention without a new date is the same
event (sanctions by the same issuer, the expulsion it reports)."""


def _continues(earlier: Candidate, later: Candidate) -> bool:
    if _different_sums(earlier, later):
        return False  # penalties or contracts with different sums are different events
    if earlier.kind == later.kind and earlier.kind in WHOLE_TEXT:
        issuers = {p.actor.id for p in earlier.participants if p.role == "issuer"}
        theirs = {p.actor.id for p in later.participants if p.role == "issuer"}
        same_date = not later.date_stated or later.date == earlier.date
        return same_date and (not theirs or not issuers or bool(issuers & theirs))
    reach = 2 if earlier.kind == "statement" else 1
    if earlier.kind != later.kind or later.paragraph - earlier.paragraph > reach:
        return False
    mine, theirs = _people(earlier), _people(later)
    if later.sentence == earlier.sentence:
        return not (mine and theirs and mine != theirs)
    if later.date_stated and later.date != earlier.date:
        return False
    ids, later_ids = {a.id for a in earlier.actors}, {a.id for a in later.actors}
    if earlier.kind == "statement":
        if _told_as_earlier(later):
            return False
        near = later.sentence - earlier.sentence <= STATEMENT_REACH  # 'He also noted ...': the same occasion
        return near and bool(later_ids) and ids == later_ids
    if later.sentence - earlier.sentence > 1:
        return False
    return later_ids <= ids or not later.actors or not ids


def _same_occasion(earlier: Candidate, later: Candidate) -> bool:
    """In a news report of one day, one speaker's words on that day are one statement, however far apart
    the text tells them (the report of one press conference, one meeting); words told without a day are
    those of the day the report gives ('По словам X, ... . Об этом он заявил во вторник')."""
    speakers, theirs = {a.id for a in earlier.actors}, {a.id for a in later.actors}
    same_day = later.date == earlier.date or not later.date_stated or not earlier.date_stated
    if _told_as_earlier(later):
        return False
    return earlier.kind == later.kind == "statement" and bool(speakers) and speakers == theirs and same_day


EARLIER = ("ранее", "раньше", "earlier", "previously", "до этого")
"""'Ранее Лукашенко заявил ...', 'Earlier, he said ...': words the report sets on another occasion."""


def _told_as_earlier(candidate: Candidate) -> bool:
    return candidate.evidence[0].quote.lstrip().lower().startswith(EARLIER)


def _same_sum(earlier: Candidate, later: Candidate) -> bool:
    """'Contracts worth 6 bn roubles were signed ... The total of the contracts signed, 6 bn roubles':
    one signing however far apart."""
    return earlier.kind == later.kind == "contract_signing" and _same_money(earlier, later)


def _people(candidate: Candidate) -> set[str]:
    return {a.id for a in candidate.actors if a.kind == "person"}


def _overlap(one: Candidate, other: Candidate) -> int:
    mine = {a.id for a in one.actors + one.places + one.posts}
    return len(mine & {a.id for a in other.actors + other.places + other.posts})


def _same_event(summary: Candidate, detail: Candidate, digest: Digest) -> bool:
    """The same kind, and a shared actor or place, or the same sum of money, or a lead that names nobody
    ('A Belarusian journalist has been sentenced') and a detail that names the person; never a lead about
    this week and a detail dated before it ('In October 2023, he dismissed ...')."""
    if summary.kind != detail.kind or _different_sums(summary, detail):
        return False
    if detail.date_stated and not summary.date_stated and detail.date.end < digest.period.start:
        return False
    if detail.date_stated and summary.date_stated and detail.date != summary.date:
        return False
    if _other_people(summary, detail):
        return False
    shared = {a.id for a in summary.actors} & {a.id for a in detail.actors}
    places = {a.id for a in summary.places + summary.posts} & {a.id for a in detail.places + detail.posts}
    described = not _people(summary) and bool(_people(detail))  # 'A Belarusian journalist has been sentenced'
    return bool(shared or places) or _same_money(summary, detail) or described


def _other_people(one: Candidate, other: Candidate) -> bool:
    """Each names a person the other does not: 'X, meeting Putin, proposed ...' and 'X said so at his
    meeting with Volfovich' are two meetings that share only X."""
    mine, theirs = _people(one), _people(other)
    return bool(mine - theirs) and bool(theirs - mine)


def _different_sums(one: Candidate, other: Candidate) -> bool:
    return one.money is not None and other.money is not None and not _same_money(one, other)


def _same_money(one: Candidate, other: Candidate) -> bool:
    return (
        one.money is not None
        and other.money is not None
        and (one.money.amount, one.money.currency) == (other.money.amount, other.money.currency)
    )


def _absorb(target: Candidate, other: Candidate, keep_date: bool = False) -> None:
    target.evidence += [e for e in other.evidence if e not in target.evidence]
    known = {p.actor.id for p in target.participants}
    if not keep_date or not target.participants:  # a detail naming nobody takes who its summary named
        target.participants += [p for p in other.participants if p.actor.id not in known]
        target.places += [p for p in other.places if p.id not in {q.id for q in target.places}]
        target.posts += [p for p in other.posts if p.id not in {q.id for q in target.posts}]
    if other.date_stated and not target.date_stated:
        target.date, target.date_stated = other.date, True
        target.review = [r for r in target.review if "date" not in r]
    target.money = target.money or other.money
    target.content = target.content or other.content
    target.confidence = max(target.confidence, other.confidence)


def _headline_paragraph(digest: Digest) -> int | None:
    headline = [s.paragraph for s in digest.sentences if s.span.start < digest.header.body.start]
    return headline[0] if headline else None


def _lead_paragraphs(digest: Digest) -> set[int]:
    """The headline and the summary paragraph under it, which the body then tells in detail."""
    paragraphs = sorted({s.paragraph for s in digest.sentences})
    if len(paragraphs) <= 2:
        return set()
    body = [s.paragraph for s in digest.sentences if s.span.start >= digest.header.body.start]
    headline = [s.paragraph for s in digest.sentences if s.span.start < digest.header.body.start]
    lead = set(headline[:1]) | set(body[:1])
    return lead if len(paragraphs) > len(lead) + 1 else set()
