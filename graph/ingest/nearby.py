"""What an event's own sentence leaves out, taken from the text around it once every sentence is read: the
trip a signing followed, the court the sentence before or after a verdict names, the person the sentence
after an appointment names for the post."""

from __future__ import annotations

import re
from dataclasses import replace

from graph.ingest.candidates import Candidate, Evidence, Mention, Participant
from graph.ingest.document import Digest
from graph.ingest.lexicon import OFFICE_ONLY
from graph.ingest.splitting import PER_PERSON
from graph.ingest.subjects import COURT_KINDS, JUDGE_WORDS, SUBJECT_ROLES
from graph.ingest.triggers import find_triggers


def parties_from_trip(signing: Candidate, candidates: list[Candidate]) -> None:
    """'As a result of the visit to Novosibirsk, contracts were signed': the signing is part of the trip
    told before it (one to a place it names, else the latest), its visitors are a party, and the places it
    names (the region that signed) the other."""
    trips = [c for c in candidates if c.kind == "visit" and c.sentence <= signing.sentence]
    if not trips:
        return
    named = {p.id for p in signing.places}
    trip = next((t for t in reversed(trips) if named & {p.id for p in t.places}), None)
    if trip is None and signing.participants:
        return
    trip = trip or trips[-1]
    signing.part_of = trip
    known = {p.actor.id for p in signing.participants}
    visitors = [p.actor for p in trip.participants if p.role == "visitor"]
    for actor in [*visitors, *signing.places]:
        if actor.id not in known and (actor.kind != "country" or actor in visitors):
            signing.participants.append(Participant(actor, "party"))
            known.add(actor.id)
    signing.review.append("parties taken from the trip the signing followed; check them")


COURT_NAME = re.compile(r"\bcourt\b|(?<![\w-])суд(?![\w-])", re.IGNORECASE)


def court_nearby(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """'X was sentenced to 13 years. The Hrodna regional court also ruled ...', 'Приговор вынес
    Гомельский областной суд': a verdict that names no court takes the court the sentence right before or
    after it names (news put one sentence in a paragraph), unless that court tried someone else."""
    if any(p.role == "court" for p in candidate.participants):
        return
    people = {a.id for a in candidate.actors if a.kind == "person"}
    told = {e.span.start for e in candidate.evidence}
    at = [i for i, s in enumerate(digest.sentences) if s.span.start in told]
    for index in at:
        for near in (index - 1, index + 1):
            if not 0 <= near < len(digest.sentences):
                continue
            for mention in digest.mentions_in(digest.sentences[near].span):
                court = mention.best
                if court.kind != "organization" or not COURT_NAME.search(court.name):
                    continue
                if _tried_others(court.id, people, kept):
                    continue
                _tried_by(candidate, mention)
                return
    _the_one_court(candidate, digest, kept)


def _tried_by(candidate: Candidate, mention: Mention) -> None:
    candidate.participants.append(Participant(mention.best, "court"))
    if not candidate.places and mention.seat is not None:
        candidate.places.append(mention.seat)  # the trial was held at the court's seat


def _the_one_court(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """'The Court of Minsk’s Centraĺny district heard the cases of 17 activists. ... X has been fined ...
    The court also fined Y': a text that names one court, before the verdict, and no other, is the story
    of that court's verdicts on one day; a verdict or fine of that day that names none is that court's
    (not an earlier one: 'the couple was sentenced to 30 days in jail' in 2021 was another court's)."""
    first = max(
        (e.span.start for e in candidate.evidence), default=0
    )  # its own sentence (a lead it absorbed may name the court)
    courts = {
        m.best.id: m
        for m in digest.mentions
        if m.best.kind == "organization" and COURT_NAME.search(m.best.name) and m.best.name.lower() != "court"
    }
    if len(courts) == 1:
        [mention] = courts.values()
        same_day = any(
            other is not candidate
            and other.kind in COURT_KINDS
            and other.date == candidate.date
            and mention.best.id in {a.id for a in other.actors}
            for other in kept
        )
        if mention.span.start < first and (same_day or _acted(mention, candidate, digest)):
            _tried_by(candidate, mention)


def _acted(court: Mention, candidate: Candidate, digest: Digest) -> bool:
    """'23 мая Жодинский городской суд оштрафовал участников митинга ... X оштрафован на ...': the one
    court the text names did, in its own sentence, what the candidate reports (the participants it fined
    are named later), when the candidate is of the report's own days."""
    sentence = next((s for s in digest.sentences if s.span.start <= court.span.start < s.span.end), None)
    recalled = not digest.period.start <= candidate.date.start <= digest.period.end  # an earlier verdict
    if sentence is None or recalled:
        return False
    triggers = find_triggers(digest.tokens_in(sentence.span))
    return any(t.kind == candidate.kind and t.span.start >= court.span.end for t in triggers)


def _tried_others(court: str, people: set[str], kept: list[Candidate]) -> bool:
    for other in kept:
        if other.kind not in COURT_KINDS or court not in {a.id for a in other.actors}:
            continue
        theirs = {a.id for a in other.actors if a.kind == "person"}
        if theirs and people and not theirs & people:
            return True
    return False


def person_for_post(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """'X agreed on the appointment of a new chairman. Y will take the post.': an appointment or dismissal
    that names nobody it concerns takes the one person the next sentence of its paragraph names beside a
    word of the post, when no other event claims that person."""
    role = PER_PERSON[candidate.kind]
    if any(p.role == role for p in candidate.participants):
        return
    told = {e.span.start for e in candidate.evidence}
    at = [i for i, s in enumerate(digest.sentences) if s.span.start in told]
    if not at or at[-1] + 1 >= len(digest.sentences):
        return
    following = digest.sentences[at[-1] + 1]
    if following.paragraph != digest.sentences[at[-1]].paragraph:
        return
    if not OFFICE_ONLY_SET.intersection(t.norm for t in digest.tokens_in(following.span)):
        return
    known = {p.actor.id for p in candidate.participants}
    people = {m.best.id: m.best for m in digest.mentions_in(following.span) if m.best.kind == "person"}
    claimed = {a.id for c in kept if c is not candidate for a in c.actors if c.sentence == following.index}
    if len(people) == 1 and not (people.keys() & (known | claimed)):
        candidate.participants.append(Participant(next(iter(people.values())), role))
        candidate.review.append("the person concerned is taken from the next sentence; check it")


OFFICE_ONLY_SET = frozenset(OFFICE_ONLY)


PERSONNEL_WORDS = frozenset(
    {"кадровый", "personnel", "appointments", "назначение", "указ", "decree", "decrees", "appointment"}
)
"""'Лукашенко принял кадровые решения', 'Lukashenka signed decrees on appointments': the sentence before a
list of appointments names who made them."""


def authority_nearby(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """'Президент принял кадровые решения. Председателем облисполкома назначен X': an appointment or
    dismissal told in the passive with nobody named to have decided takes the authority of the one told
    just before it in the paragraph, else the one person the sentence before names beside a word of
    personnel decisions."""
    authority = "authority"
    if any(p.role == authority for p in candidate.participants):
        return
    earlier = [
        c
        for c in kept
        if c.kind in PER_PERSON
        and c.paragraph == candidate.paragraph
        and 0 < candidate.sentence - c.sentence <= 2
        and any(p.role == authority for p in c.participants)
    ]
    concerned = {p.actor.id for p in candidate.participants}
    if earlier:
        deciders = [
            p for p in earlier[-1].participants if p.role == authority and p.actor.id not in concerned
        ]
        candidate.participants[:0] = deciders
        return
    before = next((s for s in digest.sentences if s.index == candidate.sentence - 1), None)
    if before is None or not PERSONNEL_WORDS.intersection(t.norm for t in digest.tokens_in(before.span)):
        return
    people = {m.best.id: m.best for m in digest.mentions_in(before.span) if m.best.kind == "person"}
    if len(people) == 1 and not people.keys() & concerned:
        candidate.participants.insert(0, Participant(next(iter(people.values())), authority))
        candidate.review.append("who decided is taken from the sentence before; check it")


DESCRIBED_KINDS = {"detention", "sentence", "fine"}


def person_described(candidate: Candidate, digest: Digest) -> None:
    """'A Belarusian court ordered a Polish newspaper reporter to pay a fine. Andrzej Poczobut, a
    Belarusian national who ...', 'Vitsebsk journalist fined $1,200. The Pershamaiski District Court found
    Zhanna Ivanova guilty': an arrest, verdict or fine that names the one it concerns only by a noun is
    about the person the next sentence opens with, or the one person (not a judge) that sentence names
    beside the court already found for the verdict."""
    if candidate.kind not in DESCRIBED_KINDS:
        return
    role = SUBJECT_ROLES[candidate.kind][0]
    if any(p.actor.kind == "person" for p in candidate.participants):
        return
    known = {p.actor.id for p in candidate.participants}
    last = max(e.span.start for e in candidate.evidence)
    following = digest.sentence_after(last)
    if following is None:
        return
    mentions = digest.mentions_in(following.span)
    people = {m.best.id: m.best for m in mentions if m.best.kind == "person" and not _after_judge(digest, m)}
    opens = bool(mentions) and not digest.text[following.span.start : mentions[0].span.start].strip()
    if opens and mentions[0].best.kind == "person":
        candidate.participants.append(Participant(mentions[0].best, role))
    elif len(people) == 1 and any(m.best.id in known for m in mentions if m.best.kind == "organization"):
        candidate.participants.append(Participant(next(iter(people.values())), role))


def _after_judge(digest: Digest, mention: Mention) -> bool:
    before = digest.text[max(0, mention.span.start - 12) : mention.span.start].lower().split()
    return bool(before) and before[-1] in JUDGE_WORDS


SAME_PENALTY = re.compile(
    r"(?<!\w)(?:the same (?:penalty|punishment|fine|sentence)|such (?:a )?(?:penalty|fine)|"
    r"тако(?:е|й|го|му) же (?:наказани\w*|штраф\w*|срок\w*))(?!\w)",
    re.IGNORECASE,
)
"""'The same penalty was imposed on X, Y and Z', 'Такое же наказание получили X и Y': the penalty told
just before, again, for other people."""


def same_penalty(digest: Digest, kept: list[Candidate]) -> list[Candidate]:
    """A new penalty for each sentence that gives the persons it names the same penalty as the one told
    before it (its kind, court, sum and date), when that sentence reports no penalty of its own."""
    added: list[Candidate] = []
    for sentence in digest.sentences:
        if SAME_PENALTY.search(digest.quote(sentence.span)) is None:
            continue
        own = [
            c
            for c in kept
            if c.kind in COURT_KINDS and any(e.span.overlaps(sentence.span) for e in c.evidence)
        ]
        earlier = [c for c in kept if c.kind in COURT_KINDS and c.sentence < sentence.index]
        people = list(
            {m.best.id: m.best for m in digest.mentions_in(sentence.span) if m.best.kind == "person"}.values()
        )
        if own or not earlier or not people:
            continue
        model = max(earlier, key=lambda c: c.sentence)
        role = SUBJECT_ROLES[model.kind][0]
        keep = [p for p in model.participants if p.role != role and p.actor.kind != "person"]
        added.append(
            replace(
                model,
                participants=[*keep, *(Participant(person, role) for person in people)],
                evidence=[Evidence(sentence.span, digest.quote(sentence.span))],
                review=[*model.review, "the same penalty as the one told before; check its sum and court"],
                paragraph=sentence.paragraph,
                sentence=sentence.index,
                places=list(model.places),
            )
        )
    return added
