"""The deterministic extractor: trigger words, gazetteer names, dates and money, sentence by sentence.

English and Russian sentences go through every rule. Sentences in other languages give low-confidence
candidates from what needs no grammar (shallow.py). A trigger inside a plan, a denial, a habit or a count
("will sign", "did not meet", "meet regularly", "visited 10 times") is left out: it reports no event.

This module runs the steps in order; each is its own module: which triggers report an event
(reported.py), who took part (roles.py, speech.py, subjects.py), where (event_places.py), when
(event_dates.py), for how much (event_money.py), an event told again (event_references.py), and what the
text around an event adds once every sentence is read (nearby.py).
"""

from __future__ import annotations

from graph.ingest.candidates import Candidate, Evidence, Participant
from graph.ingest.coreference import antecedent, concerned_by_role_noun
from graph.ingest.document import Digest
from graph.ingest.event_dates import ChosenDate, date_near, in_cause, inherited_date, other_clauses
from graph.ingest.event_money import MONEY_KINDS, assign_money, sum_told_before, sum_told_next
from graph.ingest.event_places import places_for, posts_for
from graph.ingest.event_references import date_told_before, refers_back, tell_again, unnamed_again
from graph.ingest.language import FULLY_READ
from graph.ingest.lexicon import GATHERINGS, NOUN_TRIGGERS, PRONOUNS
from graph.ingest.listed import list_items
from graph.ingest.merge import merge_candidates
from graph.ingest.modality import modality
from graph.ingest.nearby import (
    authority_nearby,
    court_nearby,
    parties_from_trip,
    person_described,
    person_for_post,
    same_penalty,
)
from graph.ingest.reported import (
    bare_mention,
    guest_named,
    has_subject,
    meeting_mentioned,
    passive_discussion,
    setting_only,
    spoken_of,
)
from graph.ingest.roles import participants_for
from graph.ingest.segments import Sentence
from graph.ingest.shallow import shallow_candidates
from graph.ingest.situated import Situated, situate
from graph.ingest.speech import (
    pronoun_speaks,
    quotations,
    said_spans,
    speaker_colon,
    speaks,
    spoken_before,
)
from graph.ingest.splitting import PER_PERSON, split_candidate
from graph.ingest.statements import statement_content
from graph.ingest.subjects import COURT_KINDS, SUBJECT_ROLES, apart_from_other_acts, subject_decides
from graph.ingest.talk_money import sum_talked_of
from graph.ingest.titles import event_title
from graph.ingest.tokens import Token
from graph.ingest.triggers import Trigger, find_triggers


class RuleExtractor:
    """Finds candidate events without any model; the default `Extractor`."""

    name = "rules"

    def extract(self, digest: Digest) -> list[Candidate]:
        found: list[Candidate] = []
        listing: Candidate | None = None
        for sentence in digest.sentences:
            tokens = digest.tokens_in(sentence.span)
            if digest.language_of(sentence) not in FULLY_READ:
                found += shallow_candidates(digest, sentence, tokens)
                continue
            quoted = quotations(digest, sentence)
            situated = situate(digest.mentions_in(sentence.span), tokens, quoted)
            usable = [
                t
                for t in find_triggers(tokens)
                if (t.kind == "statement" or not any(t.span.overlaps(q) for q in quoted))
                and guest_named(t, situated, digest)
            ]
            usable += speaker_colon(digest, sentence, situated, usable)
            items = list_items(listing, digest, sentence, situated) if listing and not usable else []
            found += items
            listing = listing if items else None
            if items:
                continue
            told = len(found)
            chosen = _one_per_kind(usable, tokens)
            spoken = False
            for trigger in chosen:
                if trigger.kind == "statement" and spoken:
                    continue
                if passive_discussion(trigger, tokens) or modality(trigger, tokens, sentence, digest):
                    continue
                if setting_only(trigger, tokens, chosen) or meeting_mentioned(trigger, tokens, chosen):
                    continue
                if spoken_of(trigger, chosen, digest, sentence):
                    continue
                if trigger.kind == "statement" and in_cause(digest.text, sentence.span, trigger.span):
                    continue
                own = _in_own_clause(digest, sentence, trigger, situated, chosen)
                candidate = Candidate(
                    kind=trigger.kind,
                    title="",
                    date=digest.period,
                    date_stated=False,
                    participants=participants_for(trigger.kind, trigger.span, own, tokens),
                    places=places_for(trigger.kind, trigger.span, own),
                    posts=posts_for(trigger.kind, own),
                    evidence=[Evidence(sentence.span, digest.quote(sentence.span))],
                    paragraph=sentence.paragraph,
                    sentence=sentence.index,
                    named_by_noun=trigger.phrase in NOUN_TRIGGERS or trigger.phrase in GATHERINGS,
                )
                decides = subject_decides(candidate.kind, trigger.span, tokens)
                if (not candidate.participants and not decides) or pronoun_speaks(trigger, tokens):
                    candidate.participants = (
                        antecedent(digest, sentence, trigger, candidate.kind, found) or candidate.participants
                    )
                elif decides or _pronoun_acts(trigger, tokens, situated):
                    known = {p.actor.id for p in candidate.participants}
                    candidate.participants[:0] = [
                        Participant(p.actor, SUBJECT_ROLES[candidate.kind][1]) if decides else p
                        for p in antecedent(digest, sentence, trigger, candidate.kind, found)
                        if p.actor.id not in known
                    ]
                candidate.participants += concerned_by_role_noun(digest, tokens, trigger, candidate)
                if candidate.kind == "statement" and not speaks(candidate, chosen, trigger, tokens):
                    continue
                spoken = spoken or candidate.kind == "statement"
                referent = refers_back(
                    candidate, trigger, tokens, found, articles=digest.language_of(sentence) == "en"
                )
                self._date(candidate, digest, sentence, trigger, found)
                referent = referent or unnamed_again(candidate, found)
                if referent is not None:
                    tell_again(referent, candidate)
                    continue
                for part in split_candidate(candidate, trigger, digest, sentence, situated):
                    self._details(part, digest, sentence, trigger, situated)
                    part.title = event_title(part)
                    found.append(part)
            if digest.quote(sentence.span).rstrip().endswith(":"):
                listing = next((c for c in reversed(found[told:]) if c.kind in PER_PERSON), None)
        kept = [c for c in merge_candidates(found, digest) if has_subject(c) and not bare_mention(c)]
        for candidate in kept:
            if candidate.kind == "contract_signing":
                parties_from_trip(candidate, kept)
            if candidate.kind in COURT_KINDS:
                court_nearby(candidate, digest, kept)
            if candidate.kind in PER_PERSON:
                person_for_post(candidate, digest, kept)
                authority_nearby(candidate, digest, kept)
            if candidate.kind in MONEY_KINDS and candidate.money is None:
                sum_told_next(candidate, digest, kept)
                sum_told_before(candidate, digest, kept)
            person_described(candidate, digest)  # after the sentences a sum was told in are its own
        kept = sorted(kept + same_penalty(digest, kept), key=lambda c: c.evidence[0].span.start)
        for candidate in kept:
            sum_talked_of(candidate, digest, kept)
        return kept

    def _date(
        self,
        candidate: Candidate,
        digest: Digest,
        sentence: Sentence,
        trigger: Trigger,
        earlier: list[Candidate],
    ) -> None:
        stated = date_near(digest, sentence, trigger.span, said_spans(digest, sentence, trigger))
        chosen = (
            ChosenDate(stated.value, True)
            if stated
            else date_told_before(digest, sentence, candidate, earlier)
        )
        spoken = spoken_before(digest, sentence) if candidate.kind == "statement" else []
        chosen = chosen or inherited_date(digest, sentence, spoken)
        candidate.date, candidate.date_stated = chosen.value, chosen.stated
        if chosen.note:
            candidate.review.append(chosen.note)

    def _details(
        self,
        candidate: Candidate,
        digest: Digest,
        sentence: Sentence,
        trigger: Trigger,
        situated: list[Situated],
    ) -> None:
        assign_money(candidate, digest, sentence, trigger)
        if candidate.kind == "statement":
            candidate.content = statement_content(digest.text, sentence.span, trigger.span)
        candidate.confidence = _confidence(candidate)
        for actor in candidate.actors + candidate.places:
            if not actor.known:
                candidate.review.append(
                    f"'{actor.name}' is not in the reference data: proposed as {actor.id}"
                )
        if not candidate.participants:
            candidate.review.append("no participant found in the sentence; add who took part")


def _in_own_clause(
    digest: Digest, sentence: Sentence, trigger: Trigger, situated: list[Situated], chosen: list[Trigger]
) -> list[Situated]:
    """Names outside the relative clauses and causes that do not hold the trigger: 'sanctions imposed in
    response to the Ryanair incident' are not Ryanair's, 'X, who met Y in June, was arrested' not Y's;
    nor, for an act on a person, the objects of another such act in the sentence."""
    clauses = other_clauses(digest.text, sentence.span, trigger.span)
    own = [s for s in situated if not any(s.mention.span.overlaps(c) for c in clauses)]
    if trigger.kind not in SUBJECT_ROLES:
        return own
    others = [t.span for t in chosen if t.kind in SUBJECT_ROLES and t.kind != trigger.kind]
    return apart_from_other_acts(trigger.span, others, own)


def _one_per_kind(triggers: list[Trigger], tokens: list[Token]) -> list[Trigger]:
    """The first trigger of each kind, and a gathering ('the forum', 'the congress') beside a meeting held
    at it: two events. Every speech verb is kept: the first that has a speaker makes the statement."""
    seen: dict[tuple[str, bool], Trigger] = {}
    speech: list[Trigger] = []
    for trigger in triggers:
        words = {t.norm for t in tokens if trigger.span.start <= t.start < trigger.span.end}
        if trigger.kind == "statement":
            speech.append(trigger)
        elif passive_discussion(trigger, tokens):
            continue  # 'issues were discussed at the meeting of X and Y': the meeting after it reports
        else:
            seen.setdefault((trigger.kind, bool(words & GATHERINGS)), trigger)
    return sorted([*seen.values(), *speech], key=lambda t: t.span.start)


def _pronoun_acts(trigger: Trigger, tokens: list[Token], situated: list[Situated]) -> bool:
    """'In Pskov he held a meeting with the governor': the pronoun before the verb took part too."""
    if trigger.kind not in {"meeting", "visit", "contract_signing"}:
        return False
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-4:]
    named_before = any(
        s.actor.kind == "person" and s.mention.span.end <= trigger.span.start for s in situated
    )
    return bool(PRONOUNS.intersection(before)) and not named_before


def _confidence(candidate: Candidate) -> float:
    score = 0.45
    score += 0.2 if candidate.date_stated else 0.0
    score += 0.15 if candidate.participants and all(a.known for a in candidate.actors) else 0.0
    score -= 0.2 if not candidate.participants else 0.0
    return round(min(max(score, 0.05), 0.95), 2)
