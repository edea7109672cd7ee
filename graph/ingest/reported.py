"""Reported or only mentioned: which triggers and candidates tell an event of their own.

A host verb without its guest ('received a fine'), 'issues were discussed', a photo caption ('X at a
meeting of Y'), a court session or a meeting someone spoke of, a gathering named by a noun alone, an
arrest or appointment that concerns nobody: none is news of an event.
"""

from __future__ import annotations

import re

from graph.ingest.candidates import PLACE_KINDS, Candidate, Span
from graph.ingest.document import Digest
from graph.ingest.event_dates import MODIFIER_CLAUSE
from graph.ingest.lexicon import (
    CIRCUMSTANCE,
    GATHERINGS,
    NEEDS_PERSON_AFTER,
    NOUN_TRIGGERS,
    OFFICE_WORDS,
    PASSIVE_AUXILIARIES,
    SIDELINES,
)
from graph.ingest.segments import Sentence
from graph.ingest.situated import Situated
from graph.ingest.speech import THAT
from graph.ingest.splitting import PER_PERSON
from graph.ingest.subjects import SUBJECT_ROLES
from graph.ingest.tokens import Token, grammemes, normalize_word
from graph.ingest.triggers import Trigger


def guest_named(trigger: Trigger, situated: list[Situated], digest: Digest) -> bool:
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
        verbs = [w for w in between.split() if {"VERB", "INFN"} & grammemes(w)]
        if len(between) <= 25 and not verbs:  # not 'принял решение назначить X'
            return True
    return False


def passive_discussion(trigger: Trigger, tokens: list[Token]) -> bool:
    """'issues were discussed' says nothing about who met."""
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-2:]
    return trigger.phrase == "discussed" and bool(PASSIVE_AUXILIARIES.intersection(before))


def setting_only(trigger: Trigger, tokens: list[Token], chosen: list[Trigger]) -> bool:
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


def meeting_mentioned(trigger: Trigger, tokens: list[Token], chosen: list[Trigger]) -> bool:
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


def bare_mention(candidate: Candidate) -> bool:
    """'The agenda of the forum included ...', 'Since the summit ...', 'Это была пятая встреча': a
    gathering named by a noun alone, with nobody taking part and no day of its own, even after merging
    with what else the text tells of it, is spoken of, not reported."""
    return (
        candidate.kind == "meeting"
        and candidate.named_by_noun
        and not candidate.participants
        and not candidate.date_stated
    )


def has_subject(candidate: Candidate) -> bool:
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
    "journalist", "reporter", "reporters", "editor", "editors",
    "photographer", "photographers", "cameraman", "freelancer", "freelancers", "activist", "protester",
    "opponent", "citizen", "national", "entrepreneur", "entrepreneurs", "редактор",
    "фотограф", "оператор", "фрилансер",
}  # fmt: skip
"""Who an act may concern without a name, singular and plural ('Vitsebsk journalist fined $1,200', 'ordered
a Polish newspaper reporter to pay a fine')."""
WORDS = re.compile(r"\w+")
POSTS = set(OFFICE_WORDS) - {"decree", "указ"}


def _main_part(quote: str) -> str:
    """The sentence up to its first relative clause or cause ('The arrest came amid a crackdown on
    activists': the activists are the crackdown's, not the arrest's)."""
    marker = MODIFIER_CLAUSE.search(quote)
    return quote[: marker.start()] if marker else quote


SPEECH_THAT = re.compile(r"\b(?:that|что)\b|^\s*(?:on \w+ )?(?:he|she|they|it)\b", re.IGNORECASE)
"""Where what a speaker said begins: 'said that ...', 'заявил, что ...', 'said he had met ...'."""


def spoken_of(trigger: Trigger, chosen: list[Trigger], digest: Digest, sentence: Sentence) -> bool:
    """A meeting inside what someone said, with no day of its own ('Lukashenka said that agreements were
    reached at the talks in Sochi', 'заявил, что в ходе недавних переговоров стороны договорились'): the
    speaker recalls it, the text does not report it. A recalled meeting with its date ('said he had met
    Putin in April') is an event."""
    if trigger.kind != "meeting":
        return False
    speech = [t for t in chosen if t.kind == "statement" and t.span.end <= trigger.span.start]
    if not speech:
        return False
    between = digest.text[speech[-1].span.end : trigger.span.start]
    that = SPEECH_THAT.search(between)
    if that is None:
        return False
    content = Span(speech[-1].span.end + that.start(), sentence.span.end)  # 'said on Monday that ...'
    return not digest.dates_in(content)
