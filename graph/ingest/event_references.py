"""An event told again: 'the visit', 'the negotiations', 'по итогам визита' name an event already told,
and give it more evidence (or its date) rather than a new event."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from graph.ingest.document import Digest
from graph.ingest.event_dates import ChosenDate
from graph.ingest.lexicon import ANAPHORA, DEFINITE, NOUN_TRIGGERS
from graph.ingest.segments import Sentence
from graph.ingest.tokens import Token
from graph.ingest.triggers import Trigger


def refers_back(
    candidate: Candidate, trigger: Trigger, tokens: list[Token], earlier: list[Candidate], articles: bool
) -> Candidate | None:
    """'the visit', 'the negotiations', 'по итогам визита': a noun naming an event already told (in a
    language with articles, only after a definite word). A noun that names its event ('the 10th meeting
    of the commission', 'the forum of regions') is an event of its own."""
    before = [t for t in tokens if t.end <= trigger.span.start]
    words = [t.norm for t in before][-2:]
    noun = " ".join(t.norm for t in tokens if trigger.span.start <= t.start < trigger.span.end)
    if noun not in NOUN_TRIGGERS or (articles and not DEFINITE.intersection(words)):
        return None
    same_kind = [c for c in earlier if c.kind == candidate.kind]
    shared = [
        c for c in same_kind if _shares(c, candidate) and not _new_counterpart(c, candidate, trigger, tokens)
    ]
    if shared:
        return shared[-1]
    if not same_kind or _named_event(trigger, tokens):
        return None
    bare = not candidate.participants and not candidate.places
    last = same_kind[-1]
    return last if bare or _same_occasion(last, candidate, trigger, tokens) else None


COUNTERPART = {"with", "between", "с", "между"}
"""'the meeting with Tokayev', 'встреча с Токаевым': the noun names its own counterpart, a meeting of
its own."""


def _new_counterpart(earlier: Candidate, candidate: Candidate, trigger: Trigger, tokens: list[Token]) -> bool:
    """'Он выступил на встрече с госсекретарем Вольфовичем' after a meeting with Putin: the noun names a
    counterpart the earlier meeting did not have ('the meeting of Lukashenko and Governor Bogomaz' after
    the forum Lukashenko and Putin spoke to), so it is a meeting of its own."""
    after = [t.norm for t in tokens if t.start >= trigger.span.end][:1]
    theirs = {a.id for a in earlier.actors if a.kind == "person"}
    mine = {a.id for a in candidate.actors if a.kind == "person"}
    return bool((COUNTERPART | {"of"}).intersection(after)) and bool(mine - theirs)


def _same_occasion(earlier: Candidate, candidate: Candidate, trigger: Trigger, tokens: list[Token]) -> bool:
    """'Lukashenka held a meeting on the harvest. The meeting was attended by the Prime Minister', 'В
    совещании приняли участие ...': in the paragraph that told the event, the event noun names it again
    and who else was there, unless it names its own counterpart or another day."""
    after = [t.norm for t in tokens if t.start >= trigger.span.end][:1]
    other_day = candidate.date_stated and candidate.date != earlier.date
    return earlier.paragraph == candidate.paragraph and not COUNTERPART.intersection(after) and not other_day


def unnamed_again(candidate: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """'The presidents also discussed the situation in Ukraine': a meeting that names nobody and no place,
    on no other day, is the meeting the text told last, not one more."""
    if candidate.kind != "meeting" or candidate.participants or candidate.places:
        return None
    meetings = [c for c in earlier if c.kind == "meeting"]
    if not meetings or (candidate.date_stated and candidate.date != meetings[-1].date):
        return None
    return meetings[-1]


def _named_event(trigger: Trigger, tokens: list[Token]) -> bool:
    before = [t.text for t in tokens if t.end <= trigger.span.start][-2:]
    after = [t for t in tokens if t.start >= trigger.span.end][:3]
    ordinal = any(w[:1].isdigit() or w.lower().endswith(("th", "st", "nd", "rd", "-е", "-й")) for w in before)
    named = len(after) >= 2 and after[0].norm == "of" and any(t.text[:1].isupper() for t in after[1:])
    return ordinal or named


def tell_again(referent: Candidate, mention: Candidate) -> None:
    """'The visit began on Thursday': evidence for the event told before, and its date if it had none;
    'Лукашенко проводит переговоры с губернатором ... 18 декабря Лукашенко и Андрей Воробьев проводят
    переговоры': the persons the later sentence names take part too."""
    if mention.evidence[0] not in referent.evidence:
        referent.evidence.append(mention.evidence[0])
    known = {p.actor.id for p in referent.participants}
    referent.participants += [
        p for p in mention.participants if p.actor.kind == "person" and p.actor.id not in known
    ]
    if mention.date_stated and not referent.date_stated:
        referent.date, referent.date_stated = mention.date, True
        referent.review = [r for r in referent.review if "date" not in r]


def date_told_before(
    digest: Digest, sentence: Sentence, candidate: Candidate, earlier: list[Candidate]
) -> ChosenDate | None:
    """'As a result of the visit to Novosibirsk, ...': the date of that visit, reported before."""
    lowered = digest.quote(sentence.span).lower()
    for phrase, kind in ANAPHORA.items():
        if phrase in lowered:
            for other in reversed(earlier):
                if other.kind == kind and other.sentence < sentence.index and _shares(other, candidate):
                    return ChosenDate(other.date, False, f"date taken from {phrase!r} reported earlier")
    return None


def _shares(one: Candidate, other: Candidate) -> bool:
    ids = {a.id for a in one.actors + one.places}
    return bool(ids & {a.id for a in other.actors + other.places})
