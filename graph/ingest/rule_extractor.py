"""The deterministic extractor: trigger words, gazetteer names, dates and money, sentence by sentence."""

from __future__ import annotations

from graph.ingest.candidates import Candidate, EventKind, Evidence, Span
from graph.ingest.coreference import antecedent
from graph.ingest.document import Digest
from graph.ingest.event_dates import ChosenDate, date_near, inherited_date
from graph.ingest.lexicon import ANAPHORA, DEFINITE, NEGATIONS, NOUN_TRIGGERS, PASSIVE_AUXILIARIES
from graph.ingest.merge import merge_candidates
from graph.ingest.roles import Situated, participants_for, places_for, situate
from graph.ingest.segments import Sentence
from graph.ingest.statements import statement_content
from graph.ingest.titles import event_title
from graph.ingest.tokens import Token
from graph.ingest.triggers import Trigger, find_triggers

HEDGES = {"intend", "intends", "plan", "plans", "planned", "will", "would", "could", "may", "might",
          "намерен", "планировать", "собираться", "мочь"}  # fmt: skip


class RuleExtractor:
    """Finds candidate events without any model; the default `Extractor`."""

    name = "rules"

    def extract(self, digest: Digest) -> list[Candidate]:
        found: list[Candidate] = []
        for sentence in digest.sentences:
            tokens = digest.tokens_in(sentence.span)
            situated = situate(digest.mentions_in(sentence.span), tokens)
            for trigger in _first_per_kind(find_triggers(tokens)):
                if _passive_discussion(trigger, tokens):
                    continue
                candidate = Candidate(
                    kind=trigger.kind,
                    title="",
                    date=digest.period,
                    date_stated=False,
                    participants=participants_for(trigger.kind, trigger.span, situated, tokens),
                    places=places_for(trigger.kind, trigger.span, situated),
                    evidence=[Evidence(sentence.span, digest.quote(sentence.span))],
                    paragraph=sentence.paragraph,
                    sentence=sentence.index,
                )
                if not candidate.participants:
                    candidate.participants = antecedent(digest, sentence, trigger, candidate.kind)
                if _refers_back(candidate, trigger, tokens, found, articles=digest.language == "en"):
                    continue
                self._date(candidate, digest, sentence, trigger, found)
                self._details(candidate, digest, sentence, trigger, situated)
                candidate.title = event_title(candidate)
                found.append(candidate)
        return merge_candidates(found, digest)

    def _date(
        self,
        candidate: Candidate,
        digest: Digest,
        sentence: Sentence,
        trigger: Trigger,
        earlier: list[Candidate],
    ) -> None:
        stated = date_near(digest, sentence, trigger.span)
        chosen = (
            ChosenDate(stated.value, True) if stated else _anaphoric(digest, sentence, candidate, earlier)
        )
        chosen = chosen or inherited_date(digest, sentence)
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
        if candidate.kind == "contract_signing":
            money = digest.money_in(sentence.span)
            candidate.money = money[0] if money else None
        if candidate.kind == "statement":
            candidate.content = statement_content(digest.text, sentence.span, trigger.span)
        candidate.confidence = _confidence(candidate, digest, sentence, trigger)
        for actor in candidate.actors + candidate.places:
            if not actor.known:
                candidate.review.append(
                    f"'{actor.name}' is not in the reference data: proposed as {actor.id}"
                )
        if not candidate.participants:
            candidate.review.append("no participant found in the sentence; add who took part")


def _first_per_kind(triggers: list[Trigger]) -> list[Trigger]:
    seen: dict[EventKind, Trigger] = {}
    for trigger in triggers:
        seen.setdefault(trigger.kind, trigger)
    return list(seen.values())


def _anaphoric(
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


def _refers_back(
    candidate: Candidate, trigger: Trigger, tokens: list[Token], earlier: list[Candidate], articles: bool
) -> bool:
    """'the visit', 'the negotiations', 'по итогам визита': a noun naming an event already told (in a
    language with articles, only after a definite word)."""
    words = [t.norm for t in tokens if t.end <= trigger.span.start][-2:]
    noun = " ".join(t.norm for t in tokens if trigger.span.start <= t.start < trigger.span.end)
    if noun not in NOUN_TRIGGERS or (articles and not DEFINITE.intersection(words)):
        return False
    same_kind = [c for c in earlier if c.kind == candidate.kind]
    bare = not candidate.participants and not candidate.places
    return any(_shares(c, candidate) for c in same_kind) or (bare and bool(same_kind))


def _passive_discussion(trigger: Trigger, tokens: list[Token]) -> bool:
    """'issues were discussed' says nothing about who met."""
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-2:]
    return trigger.phrase == "discussed" and bool(PASSIVE_AUXILIARIES.intersection(before))


def _confidence(candidate: Candidate, digest: Digest, sentence: Sentence, trigger: Trigger) -> float:
    score = 0.45
    score += 0.2 if candidate.date_stated else 0.0
    score += 0.15 if candidate.participants and all(a.known for a in candidate.actors) else 0.0
    score -= 0.2 if not candidate.participants else 0.0
    clause = [t.norm for t in digest.tokens_in(Span(sentence.span.start, trigger.span.start))][-4:]
    if NEGATIONS.intersection(clause):
        score -= 0.3
        candidate.review.append("the sentence may deny this event; check it happened")
    if HEDGES.intersection(clause):
        score -= 0.2
        candidate.review.append("the sentence may describe a plan, not a fact")
    return round(min(max(score, 0.05), 0.95), 2)
