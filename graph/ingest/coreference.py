"""'he announced' -> the person the text spoke of last."""

from __future__ import annotations

import re

from graph.ingest.candidates import Candidate, EventKind, Mention, Participant, Span
from graph.ingest.document import Digest
from graph.ingest.lexicon import PRONOUNS
from graph.ingest.segments import Sentence
from graph.ingest.tokens import CYRILLIC, Token, grammemes
from graph.ingest.triggers import Trigger

ROLE = {
    "statement": "speaker", "visit": "visitor", "publication": "publisher", "ban": "target",
    "contract_signing": "party", "detention": "detainee", "sentence": "defendant", "fine": "target",
    "appointment": "appointee", "dismissal": "dismissed", "expulsion": "target",
}  # fmt: skip
OBJECT_KINDS = {"detention", "sentence", "fine", "expulsion"}
"""Kinds whose verb takes the person concerned as its object: a pronoun right after it stands for them."""
QUOTES = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")


def antecedent(
    digest: Digest, sentence: Sentence, trigger: Trigger, kind: EventKind, earlier: list[Candidate]
) -> list[Participant]:
    """The person a pronoun before the trigger stands for: the one who spoke or acted in the latest
    event of the paragraph or the one before it, else the last person named outside quotation marks who
    can be a subject."""
    tokens = digest.tokens_in(sentence.span)
    pronoun = next((t for t in tokens if t.end <= trigger.span.start and t.norm in PRONOUNS), None)
    if pronoun is None and kind in OBJECT_KINDS:  # 'a court fined him', 'задержали ее'
        after = [t for t in tokens if t.start >= trigger.span.end][:2]
        pronoun = next((t for t in after if t.norm in PRONOUNS), None)
    if pronoun is None and kind == "statement":  # '«...», — отметил он', '"...," said he'
        after = [t for t in tokens if t.start >= trigger.span.end][:1]
        pronoun = next((t for t in after if t.norm in PRONOUNS), None)
    if pronoun is None:
        return role_noun_antecedent(digest, tokens, trigger, kind)
    role = ROLE.get(kind, "participant")
    for candidate in reversed(earlier):
        if candidate.paragraph < sentence.paragraph - 1:
            break
        speakers = [p.actor for p in candidate.participants if p.actor.kind == "person"]
        if speakers and candidate.kind == "statement":
            return [Participant(speakers[0], role)]
    quoted = [Span(m.start(), m.end()) for m in QUOTES.finditer(digest.text, 0, pronoun.start)]
    people = [
        m
        for m in digest.mentions
        if m.span.end <= pronoun.start
        and m.best.kind == "person"
        and not any(m.span.overlaps(q) for q in quoted)
    ]
    if not people:
        return []
    return [Participant(_subject(digest, people).best, role)]


ROLE_NOUNS = {
    "journalist", "activist", "blogger", "lawyer", "priest", "student", "teacher", "doctor", "musician",
    "artist", "poet", "writer", "editor", "correspondent", "photographer", "athlete", "man", "woman",
    "pensioner", "defendant", "detainee", "reporter", "cameraman", "freelancer",
    "журналист", "журналистка", "активист", "активистка", "блогер", "адвокат", "студент", "студентка",
    "мужчина", "женщина", "пенсионер", "пенсионерка", "фигурант", "фигурантка", "корреспондент",
    "фотограф", "правозащитник", "правозащитница", "обвиняемый", "задержанный",
}  # fmt: skip
"""Who someone is, not an office: 'the journalist', 'журналистку' stand for a person the text named."""


def concerned_by_role_noun(
    digest: Digest, tokens: list[Token], trigger: Trigger, candidate: Candidate
) -> list[Participant]:
    """'суд оштрафовал блогера': a penalty whose court is named but not whom it concerns takes the person
    the role noun stands for."""
    role = ROLE.get(candidate.kind)
    if candidate.kind not in OBJECT_KINDS or any(p.role == role for p in candidate.participants):
        return []
    known = {p.actor.id for p in candidate.participants}
    found = role_noun_antecedent(digest, tokens, trigger, candidate.kind)
    return [p for p in found if p.actor.id not in known]


def role_noun_antecedent(
    digest: Digest, tokens: list[Token], trigger: Trigger, kind: EventKind
) -> list[Participant]:
    """'Viktar Yarashuk was detained ... the judge fined the journalist': a role noun with the article
    (in Russian, alone) as the one concerned stands for the last person named before it who holds no
    office the gazetteer knows (officials are named by their titles, not by 'the journalist')."""
    if kind not in OBJECT_KINDS | {"detention", "dismissal", "appointment"}:
        return []
    noun = _role_noun(tokens, trigger)
    if noun is None:
        return []
    people = [
        m
        for m in digest.mentions
        if m.span.end <= noun.start
        and m.best.kind == "person"
        and not m.best.known
        and m.best.id not in digest.office_holders
    ]
    return [Participant(people[-1].best, ROLE.get(kind, "participant"))] if people else []


def _role_noun(tokens: list[Token], trigger: Trigger) -> Token | None:
    """'fined the journalist', 'the journalist was fined', 'оштрафовал журналистку', 'журналиста
    задержали'."""
    after = [t for t in tokens if t.start >= trigger.span.end][:2]
    before = [t for t in tokens if t.end <= trigger.span.start][-4:]
    for near in (after, list(reversed(before))):
        for index, token in enumerate(near):
            if token.norm not in ROLE_NOUNS:
                continue
            latin = not CYRILLIC.search(token.text)
            previous = near[index - 1] if near is after and index else None
            if near is not after:
                previous = near[index + 1] if index + 1 < len(near) else None
            if latin and (previous is None or previous.norm not in {"the", "this", "that"}):
                continue
            return token
    return None


def _subject(digest: Digest, people: list[Mention]) -> Mention:
    """The last person named in the latest sentence that names any, skipping Russian names in an oblique
    case ('Лукашенко встретился с Путиным. Он заявил': Путиным is no subject, Лукашенко is). English
    gives no case to go by: the last person named stays the antecedent."""
    last = people[-1]
    sentence = next((s for s in digest.sentences if s.span.start <= last.span.start < s.span.end), None)
    if sentence is None:
        return last
    named = [m for m in people if sentence.span.start <= m.span.start]
    return next((m for m in reversed(named) if _nominative_or_latin(m, digest.text)), last)


def _nominative_or_latin(mention: Mention, text: str) -> bool:
    """A Latin name, or a Russian one with a word in the nominative; a surname that does not decline
    ('Лукашенко') goes by the first name written before it ('с Александром Лукашенко': no subject)."""
    words = [w for w in mention.surface.split() if CYRILLIC.search(w)]
    if not words:
        return True
    given = text[max(0, mention.span.start - 30) : mention.span.start].split()[-1:]
    declined = [w for w in words if "Fixd" not in grammemes(w)]
    if not declined and given and CYRILLIC.search(given[0]) and "Name" in grammemes(given[0]):
        declined = given
    return any("nomn" in grammemes(w) for w in declined or words)
