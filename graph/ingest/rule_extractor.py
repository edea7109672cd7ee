"""The deterministic extractor: trigger words, gazetteer names, dates and money, sentence by sentence.

English and Russian sentences go through every rule. Sentences in other languages give low-confidence
candidates from what needs no grammar (shallow.py). A trigger inside a plan, a denial, a habit or a count
("will sign", "did not meet", "meet regularly", "visited 10 times") is left out: it reports no event.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.ingest.candidates import PLACE_KINDS, Candidate, Evidence, MoneyMention, Participant, Span
from graph.ingest.coreference import antecedent
from graph.ingest.document import Digest
from graph.ingest.event_dates import (
    MODIFIER_CLAUSE,
    ChosenDate,
    date_near,
    in_cause,
    inherited_date,
    other_clauses,
)
from graph.ingest.event_places import places_for, posts_for
from graph.ingest.language import FULLY_READ
from graph.ingest.lexicon import (
    ANAPHORA,
    CIRCUMSTANCE,
    DEFINITE,
    GATHERINGS,
    NEEDS_PERSON_AFTER,
    NOUN_TRIGGERS,
    OFFICE_WORDS,
    PASSIVE_AUXILIARIES,
    PRONOUNS,
    SIDELINES,
)
from graph.ingest.merge import merge_candidates
from graph.ingest.modality import modality
from graph.ingest.money import REDENOMINATION, belarusian, find_money
from graph.ingest.places import known_city
from graph.ingest.roles import participants_for
from graph.ingest.segments import Sentence
from graph.ingest.shallow import shallow_candidates
from graph.ingest.situated import Situated, situate
from graph.ingest.splitting import PER_PERSON, split_candidate
from graph.ingest.statements import statement_content
from graph.ingest.subjects import COURT_KINDS, SUBJECT_ROLES, subject_decides
from graph.ingest.titles import event_title
from graph.ingest.tokens import Token, grammemes, normalize_word
from graph.ingest.triggers import Trigger, find_triggers

MONEY_KINDS = {"contract_signing", "fine", "sentence"}


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
            quoted = _quoted(digest, sentence)
            situated = situate(digest.mentions_in(sentence.span), tokens, quoted)
            usable = [
                t
                for t in find_triggers(tokens)
                if (t.kind == "statement" or not any(t.span.overlaps(q) for q in quoted))
                and _guest_named(t, situated, digest)
            ]
            usable += _speaker_colon(digest, sentence, situated, usable)
            items = _list_items(listing, digest, sentence, situated) if listing and not usable else []
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
                if _passive_discussion(trigger, tokens) or modality(trigger, tokens, sentence, digest):
                    continue
                if _setting_only(trigger, tokens, chosen) or _meeting_mentioned(trigger, tokens, chosen):
                    continue
                if trigger.kind == "statement" and in_cause(digest.text, sentence.span, trigger.span):
                    continue
                own = _in_own_clause(digest, sentence, trigger, situated)
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
                if (not candidate.participants and not decides) or _pronoun_speaks(trigger, tokens):
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
                if candidate.kind == "statement" and not _speaks(candidate, chosen, trigger, tokens):
                    continue
                spoken = spoken or candidate.kind == "statement"
                referent = _refers_back(
                    candidate, trigger, tokens, found, articles=digest.language_of(sentence) == "en"
                )
                self._date(candidate, digest, sentence, trigger, found)
                if referent is not None:
                    _tell_again(referent, candidate)
                    continue
                for part in split_candidate(candidate, trigger, digest, sentence, situated):
                    self._details(part, digest, sentence, trigger, situated)
                    part.title = event_title(part)
                    found.append(part)
            if digest.quote(sentence.span).rstrip().endswith(":"):
                listing = next((c for c in reversed(found[told:]) if c.kind in PER_PERSON), None)
        kept = [c for c in merge_candidates(found, digest) if _has_subject(c) and not _bare_mention(c)]
        for candidate in kept:
            if candidate.kind == "contract_signing":
                _parties_from_trip(candidate, kept)
            if candidate.kind in COURT_KINDS:
                _court_nearby(candidate, digest, kept)
            if candidate.kind in MONEY_KINDS and candidate.money is None:
                _sum_told_next(candidate, digest, kept)
        return kept

    def _date(
        self,
        candidate: Candidate,
        digest: Digest,
        sentence: Sentence,
        trigger: Trigger,
        earlier: list[Candidate],
    ) -> None:
        stated = date_near(digest, sentence, trigger.span, _content(digest, sentence, trigger))
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
        if candidate.kind in MONEY_KINDS and candidate.money is None:
            candidate.money = _money_for(digest, sentence, trigger)
        elif candidate.kind not in SUMS_TOLD_OF and candidate.money is None:
            candidate.money = _carried_sum(digest, sentence, trigger)
        if candidate.money is not None and candidate.kind in {"fine", "sentence"}:
            candidate.money = _stated_first(digest, sentence, candidate.money)
            country = _event_country(candidate, digest) or digest.main_country
            candidate.money = belarusian(candidate.money, country, digest.text, candidate.date.start)
            if candidate.money.currency == "BYN" and candidate.date.start < REDENOMINATION:
                candidate.review.append(
                    "a sum in Belarusian roubles before July 2016 (BYR): check the currency"
                )
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


def _list_items(
    lead: Candidate, digest: Digest, sentence: Sentence, situated: list[Situated]
) -> list[Candidate]:
    """'Указом Президента назначены:' then one line per person ('Иванов Иван Петрович – министром
    экономики;'): each line that names a person and has no event word of its own is one more event of the
    lead's kind, decided by the lead's authority."""
    role = PER_PERSON[lead.kind]
    people = [s.actor for s in situated if s.actor.kind == "person" and not s.qualifier and not s.quoted]
    if not people or sentence.paragraph == lead.paragraph:
        return []
    deciders = [p for p in lead.participants if p.role != role]
    stated = date_near(digest, sentence, sentence.span, [])
    items = []
    for person in dict.fromkeys(people):
        item = replace(
            lead,
            participants=[*deciders, Participant(person, role)],
            places=places_for(lead.kind, sentence.span, situated),
            posts=posts_for(lead.kind, situated),
            evidence=[Evidence(sentence.span, digest.quote(sentence.span))],
            paragraph=sentence.paragraph,
            sentence=sentence.index,
            review=["one of a list under an earlier line; check who decided"],
        )
        if stated:
            item.date, item.date_stated = stated.value, True
        item.title = event_title(item)
        items.append(item)
    return items


def _in_own_clause(
    digest: Digest, sentence: Sentence, trigger: Trigger, situated: list[Situated]
) -> list[Situated]:
    """Names outside the relative clauses and causes that do not hold the trigger: 'sanctions imposed in
    response to the Ryanair incident' are not Ryanair's, 'X, who met Y in June, was arrested' not Y's."""
    clauses = other_clauses(digest.text, sentence.span, trigger.span)
    return [s for s in situated if not any(s.mention.span.overlaps(c) for c in clauses)]


SUMS_TOLD_OF = {"statement", "meeting", "visit", "publication"}
"""Kinds whose sentences speak of sums (trade figures, a speaker's numbers) without carrying one."""
CARRYING = re.compile(
    r"(?:worth|of|totall?ing|amounting to|valued at|на сумму|в размере|стоимостью|на)"
    r"(?:\s+(?:about|around|more than|over|almost|nearly|some|более|около|почти|свыше))?\s*$",
    re.IGNORECASE,
)
"""'assets worth $2 million were frozen', 'залог в размере 5 тысяч рублей': the sum is the event's."""


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


BRACKETED = re.compile(r"\s*\(([^()]{1,40})\)")


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


def _money_for(digest: Digest, sentence: Sentence, trigger: Trigger) -> MoneyMention | None:
    """The sum nearest after the trigger, else the last one before it."""
    money = digest.money_in(sentence.span)
    if not money:
        return None
    after = [m for m in money if m.span.start >= trigger.span.start]
    return after[0] if after else money[-1]


PEOPLE = {
    "activists", "journalists", "citizens", "protesters", "people", "members", "nationals", "diplomats",
    "ambassadors", "ambassador", "opponents", "participants", "россиянин", "гражданин", "активист",
    "журналист", "человек", "участник", "дипломат", "посол", "боевик", "сотрудник",
    "blogger", "bloggers", "resident", "residents", "man", "woman", "men", "women", "student", "students",
    "lawyer", "lawyers", "priest", "pensioner", "politician", "defendant", "defendants", "couple",
    "volunteer", "volunteers", "belarusians", "russians", "ukrainians", "foreigner", "foreigners",
    "блогер", "житель", "жительница", "правозащитник", "студент", "студентка", "пенсионер", "пенсионерка",
    "мужчина", "женщина", "адвокат", "политик", "оппозиционер", "волонтер", "гражданка", "активистка",
    "журналистка", "обвиняемый", "подсудимый", "задержанный", "иностранец", "белорус", "белоруска",
    "россиянка", "украинец", "священник", "предприниматель", "супруг", "супруга",
}  # fmt: skip
WORDS = re.compile(r"\w+")
QUOTES = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"|„[^“”]*[“”]")


def _content(digest: Digest, sentence: Sentence, trigger: Trigger) -> list[Span]:
    """What a statement says (its quotations, the clause after 'that'/'что'): dates in it are what the
    speaker spoke of, not when they spoke."""
    if trigger.kind != "statement":
        return []
    spans = _quoted(digest, sentence)
    that = THAT.search(digest.text, trigger.span.end, sentence.span.end)
    if that and that.start() - trigger.span.end < 40:
        spans.append(Span(that.end(), sentence.span.end))
    comma = digest.text.rfind(",", sentence.span.start, trigger.span.start)
    tail = digest.text[trigger.span.end : sentence.span.end].split()
    closes = any(c.end == comma for c in other_clauses(digest.text, sentence.span, trigger.span))
    if comma > sentence.span.start and trigger.span.start - comma < 60 and len(tail) <= 4 and not closes:
        # '..., the Treasury said.': what was said; not 'X, who arrived on Monday, said ...'
        spans.append(Span(sentence.span.start, comma))
    return spans


THAT = re.compile(r"\b(?:that|что|чтобы)\b", re.IGNORECASE)


def _quoted(digest: Digest, sentence: Sentence) -> list[Span]:
    """Quotations: what is said inside them is speech, not an event the text reports. A quotation may run
    over several sentences of its line ('“You have come to Belarus, met with the President. ...,” he
    said'): it is found on the whole line and cut to the sentence."""
    line_start = digest.text.rfind("\n", 0, sentence.span.start) + 1
    line_end = digest.text.find("\n", sentence.span.end)
    line_end = len(digest.text) if line_end < 0 else line_end
    spans = []
    for m in QUOTES.finditer(digest.text, line_start, line_end):
        inside = sentence.span.start <= m.start() and m.end() <= sentence.span.end
        if m.start() < sentence.span.end and sentence.span.start < m.end() and (inside or _talk(m.group())):
            spans.append(Span(max(m.start(), sentence.span.start), min(m.end(), sentence.span.end)))
    return spans


FIRST_AND_SECOND_PERSON = re.compile(
    r"(?<!\w)(?:I|we|our|us|you|your|я|мы|нас|наш\w*|вы|вас|ваш\w*|ты|тебя)(?!\w)", re.IGNORECASE
)


def _talk(quotation: str) -> bool:
    """A quotation over several sentences is someone's talk when it speaks in the first or second person;
    a communiqué quoted in the third person ('"Contracts were signed ...", the statement said') reports."""
    return FIRST_AND_SECOND_PERSON.search(quotation) is not None


def _setting_only(trigger: Trigger, tokens: list[Token], chosen: list[Trigger]) -> bool:
    """A caption 'X at a meeting of Y' (no verb that reports anything): where a photo was taken, not news
    of its own."""
    if trigger.kind != "meeting":
        return False
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-3:]
    if SIDELINES.intersection(before) or not CIRCUMSTANCE.intersection(before[-2:] + before[-1:]):
        return False
    caption = not any(t.phrase not in NOUN_TRIGGERS for t in chosen)
    return caption and not any(_finite_verb(t) for t in tokens if t.end <= trigger.span.start)


IRREGULAR_PAST = {"met", "held", "took", "gave", "made", "spoke", "told", "said", "sent", "won", "led",
                  "began", "came", "went", "brought", "put", "set"}  # fmt: skip


def _finite_verb(token: Token) -> bool:
    """'signed a decree at a meeting', 'утвердили программы на заседании': a verb the lexicon does not
    know still makes the sentence a report, not a caption 'X at a meeting of Y'."""
    word = token.text
    if not word.isalpha() or not word.islower():
        return False
    if word.isascii():
        return word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)
    return "VERB" in grammemes(word)


COURT_SESSION = {"court", "trial", "judicial", "суд", "судебный"}
"""'судебное заседание', 'заседание суда', 'the court session': a hearing, not a meeting."""
TALKED_OF = {
    "recalled", "recalls", "mentioned", "mentions", "commented", "comments", "accused", "accuses",
    "вспомнить", "упомянуть", "прокомментировать", "комментировать", "напомнить", "рассказать",
    "обвинить", "вспоминать",
}  # fmt: skip
"""Verbs whose object is something talked about ('recalled his meeting with Putin', 'прокомментировал
итоги переговоров'): a gathering named after them is spoken of, not reported."""
BACKGROUND = {"after", "before", "following", "после", "перед", "до", "since"}
"""'detained after a meeting with voters', 'задержали после встречи': the meeting is the arrest's
background."""


def _meeting_mentioned(trigger: Trigger, tokens: list[Token], chosen: list[Trigger]) -> bool:
    """A meeting only mentioned: a court session; a gathering named as what someone spoke of; a meeting
    told as the background of an arrest, fine or sentence in the same sentence."""
    if trigger.kind != "meeting":
        return False
    index = next((i for i, t in enumerate(tokens) if t.start >= trigger.span.start), len(tokens))
    near = {t.norm for t in tokens[max(0, index - 2) : index + 3]}
    if COURT_SESSION.intersection(near) and trigger.phrase not in {
        "met",
        "meets",
        "meet with",
        "встретиться",
    }:
        return True
    before = [t.norm for t in tokens[max(0, index - 6) : index]]
    noun = trigger.phrase in NOUN_TRIGGERS or trigger.phrase in GATHERINGS
    setting = bool((CIRCUMSTANCE | BACKGROUND | SIDELINES).intersection(before[-2:]))
    if noun and TALKED_OF.intersection(before) and not setting:
        return True
    speech = [t for t in chosen if t.kind == "statement" and t.span.end <= trigger.span.start]
    if noun and speech and not setting:
        between = [t.norm for t in tokens if speech[-1].span.end <= t.start < trigger.span.start]
        if len(between) <= 6 and not THAT.search(" ".join(between)):
            return True  # 'accused the West of sabotaging the talks'
    previous = [t for t in chosen if t.span.end <= trigger.span.start]
    acts = bool(previous) and previous[-1].kind in SUBJECT_ROLES  # not '..., X said after meeting Y'
    return acts and bool(BACKGROUND.intersection(before[-3:]))


def _speaks(statement: Candidate, chosen: list[Trigger], trigger: Trigger, tokens: list[Token]) -> bool:
    """A statement needs a speaker, never a region or city. A body or medium named as the source of
    another event told in the same sentence ('A court sentenced X, a Telegram channel said') attributes
    that event; it is not a statement of its own. A person's account ('..., his associate said') is."""
    speakers = [p.actor for p in statement.participants]
    if not speakers or any(a.kind in {"region", "city", "country"} for a in speakers):
        return False
    if _medium_reports(trigger, tokens):
        return False
    others = [t for t in chosen if t.kind != "statement"]
    return not others or any(a.kind == "person" for a in speakers)


MEDIA_NOUNS = {
    "agency", "channel", "newspaper", "outlet", "website", "portal", "broadcaster", "telegram",
    "агентство", "телеграм-канал", "канал", "издание", "газета", "портал", "сайт", "телеканал", "сми",
}  # fmt: skip
"""'..., a Telegram channel said', 'сообщил телеграм-канал «...»': the source of the report, not a
speaker (what an official, a ministry or a named person says is a statement)."""
INVERTING = {"said", "says", "reported", "reports", "wrote", "writes", "сообщить", "написать", "сказать"}


def _medium_reports(trigger: Trigger, tokens: list[Token]) -> bool:
    """The speech verb's subject is a medium: right before it ('the agency reported') or, inverted, right
    after it ('сообщил телеграм-канал', 'reports the agency'; 'told the agency' names whom it was told)."""
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-1:]
    after = [t.norm for t in tokens if t.start >= trigger.span.end][:2]
    inverted = trigger.phrase in INVERTING and bool(MEDIA_NOUNS.intersection(after))
    return bool(MEDIA_NOUNS.intersection(before)) or inverted


def _pronoun_speaks(trigger: Trigger, tokens: list[Token]) -> bool:
    """'..., he added', 'he said', 'сказал он': the pronoun next to the verb is the speaker, whoever the
    reported words name."""
    if trigger.kind != "statement":
        return False
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-1:]
    after = [t.norm for t in tokens if t.start >= trigger.span.end][:1]
    return bool(PRONOUNS.intersection(before + after))


def _pronoun_acts(trigger: Trigger, tokens: list[Token], situated: list[Situated]) -> bool:
    """'In Pskov he held a meeting with the governor': the pronoun before the verb took part too."""
    if trigger.kind not in {"meeting", "visit", "contract_signing"}:
        return False
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-4:]
    named_before = any(
        s.actor.kind == "person" and s.mention.span.end <= trigger.span.start for s in situated
    )
    return bool(PRONOUNS.intersection(before)) and not named_before


def _guest_named(trigger: Trigger, situated: list[Situated], digest: Digest) -> bool:
    """'received Y', 'принял Y', 'summoned Y': a host verb is a meeting only with its guest named right
    after it ('received a fine' is not)."""
    if trigger.phrase not in NEEDS_PERSON_AFTER:
        return True
    places = [s.mention.span for s in situated if s.is_place or s.locative]
    for s in situated:
        if s.actor.kind in PLACE_KINDS or s.locative or s.mention.span.start < trigger.span.end:
            continue
        between = digest.text[trigger.span.end : s.mention.span.start]
        for place in places:  # 'принял в Минске губернатора Омской области X'
            if trigger.span.end <= place.start and place.end <= s.mention.span.start:
                between = between.replace(digest.text[place.start : place.end], "")
        between = re.sub(r"(?<!\w)(?:in|at|в|во|на)(?!\w)", "", between)
        if len(between) <= 25:
            return True
    return False


def _parties_from_trip(signing: Candidate, candidates: list[Candidate]) -> None:
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


def _court_nearby(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
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
                candidate.participants.append(Participant(court, "court"))
                if not candidate.places and mention.seat is not None:
                    candidate.places.append(mention.seat)  # the trial was held at the court's seat
                return


SUM_WORDS = {
    "value", "total", "worth", "amount", "amounted", "sum", "fine", "totalled", "totaled", "сумма",
    "стоимость", "объем", "объём", "составить", "штраф", "размер",
}  # fmt: skip
"""'Their total value exceeded $1.5 billion', 'Общая сумма контрактов превысила ...', 'Штраф составил ...':
the next sentence tells the sum of the event before it."""


def _sum_told_next(candidate: Candidate, digest: Digest, kept: list[Candidate]) -> None:
    """A signing or penalty told without its sum takes the one sum the sentence right after it gives with
    a word of value, when that sentence reports no event of a sum-carrying kind of its own."""
    last = max(e.span.start for e in candidate.evidence)
    index = next((i for i, s in enumerate(digest.sentences) if s.span.start == last), None)
    if index is None or index + 1 >= len(digest.sentences):
        return
    following = digest.sentences[index + 1]
    sums = digest.money_in(following.span)
    words = {t.norm for t in digest.tokens_in(following.span)} | {
        t.text.lower() for t in digest.tokens_in(following.span)
    }
    if len(sums) != 1 or not SUM_WORDS & words:
        return
    if any(o.kind in MONEY_KINDS and o.evidence[0].span.overlaps(following.span) for o in kept):
        return
    candidate.money = sums[0]
    candidate.evidence.append(Evidence(following.span, digest.quote(following.span)))


def _tried_others(court: str, people: set[str], kept: list[Candidate]) -> bool:
    for other in kept:
        if other.kind not in COURT_KINDS or court not in {a.id for a in other.actors}:
            continue
        theirs = {a.id for a in other.actors if a.kind == "person"}
        if theirs and people and not theirs & people:
            return True
    return False


def _speaker_colon(
    digest: Digest, sentence: Sentence, situated: list[Situated], usable: list[Trigger]
) -> list[Trigger]:
    """'Mikhail Mishustin: Good afternoon, colleagues.', 'Лукашенко: «Мы не отступим»': a line opened by a
    person's name and a colon is that person speaking (a transcript, a quote headline)."""
    if any(t.kind == "statement" for t in usable) or not situated:
        return []
    first = situated[0]
    opening = digest.text[sentence.span.start : first.mention.span.start]
    colon = re.match(r"\s*:", digest.text[first.mention.span.end : sentence.span.end])
    if first.actor.kind != "person" or opening.strip() or colon is None:
        return []
    at = first.mention.span.end + colon.end() - 1
    words = digest.text[at + 1 : sentence.span.end].lstrip()
    if not words or not (words[0].isupper() or words[0] in '«“"„'):
        return []  # 'Ivan Petrov: a biography' titles a text, nobody speaks
    return [Trigger("statement", Span(at, at + 1), ":")]


def _bare_mention(candidate: Candidate) -> bool:
    """'The agenda of the forum included ...', 'Since the summit ...', 'Это была пятая встреча': a
    gathering named by a noun alone, with nobody taking part and no day of its own, even after merging
    with what else the text tells of it, is spoken of, not reported."""
    return (
        candidate.kind == "meeting"
        and candidate.named_by_noun
        and not candidate.participants
        and not candidate.date_stated
    )


def _has_subject(candidate: Candidate) -> bool:
    """An arrest, sentence, fine, appointment, dismissal or expulsion concerns someone: a person named, or
    a group of people ('33 Russians', 'activists', 'the ambassadors'). Without either it is a summary
    ('the arrest came amid a crackdown'), not an event."""
    if candidate.kind not in SUBJECT_ROLES or candidate.shallow:
        return True
    words = {normalize_word(w) for e in candidate.evidence for w in WORDS.findall(_main_part(e.quote))}
    if candidate.kind in PER_PERSON:  # 'Указом Президента назначены:' alone names nobody appointed
        role = PER_PERSON[candidate.kind]
        concerned = any(p.role == role and p.actor.kind == "person" for p in candidate.participants)
        return concerned or bool(words & (PEOPLE | POSTS))
    if any(a.kind == "person" for a in candidate.actors):
        return True
    return bool(words & PEOPLE)


POSTS = set(OFFICE_WORDS) - {"decree", "указ"}


def _main_part(quote: str) -> str:
    """The sentence up to its first relative clause or cause ('The arrest came amid a crackdown on
    activists': the activists are the crackdown's, not the arrest's)."""
    marker = MODIFIER_CLAUSE.search(quote)
    return quote[: marker.start()] if marker else quote


def _one_per_kind(triggers: list[Trigger], tokens: list[Token]) -> list[Trigger]:
    """The first trigger of each kind, and a gathering ('the forum', 'the congress') beside a meeting held
    at it: two events. Every speech verb is kept: the first that has a speaker makes the statement."""
    seen: dict[tuple[str, bool], Trigger] = {}
    speech: list[Trigger] = []
    for trigger in triggers:
        words = {t.norm for t in tokens if trigger.span.start <= t.start < trigger.span.end}
        if trigger.kind == "statement":
            speech.append(trigger)
        else:
            seen.setdefault((trigger.kind, bool(words & GATHERINGS)), trigger)
    return sorted([*seen.values(), *speech], key=lambda t: t.span.start)


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


def _tell_again(referent: Candidate, mention: Candidate) -> None:
    """'The visit began on Thursday': evidence for the event told before, and its date if it had none."""
    if mention.evidence[0] not in referent.evidence:
        referent.evidence.append(mention.evidence[0])
    if mention.date_stated and not referent.date_stated:
        referent.date, referent.date_stated = mention.date, True
        referent.review = [r for r in referent.review if "date" not in r]


def _refers_back(
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
    shared = [c for c in same_kind if _shares(c, candidate)]
    if shared:
        return shared[-1]
    bare = not candidate.participants and not candidate.places
    return same_kind[-1] if bare and same_kind and not _named_event(trigger, tokens) else None


def _named_event(trigger: Trigger, tokens: list[Token]) -> bool:
    before = [t.text for t in tokens if t.end <= trigger.span.start][-2:]
    after = [t for t in tokens if t.start >= trigger.span.end][:3]
    ordinal = any(w[:1].isdigit() or w.lower().endswith(("th", "st", "nd", "rd", "-е", "-й")) for w in before)
    named = len(after) >= 2 and after[0].norm == "of" and any(t.text[:1].isupper() for t in after[1:])
    return ordinal or named


def _passive_discussion(trigger: Trigger, tokens: list[Token]) -> bool:
    """'issues were discussed' says nothing about who met."""
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-2:]
    return trigger.phrase == "discussed" and bool(PASSIVE_AUXILIARIES.intersection(before))


def _confidence(candidate: Candidate) -> float:
    score = 0.45
    score += 0.2 if candidate.date_stated else 0.0
    score += 0.15 if candidate.participants and all(a.known for a in candidate.actors) else 0.0
    score -= 0.2 if not candidate.participants else 0.0
    return round(min(max(score, 0.05), 0.95), 2)
