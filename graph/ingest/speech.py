"""Statements and speakers: quotations, what a statement says, who says it, and when a speech verb tells no
statement of its own.

"X said", "X, who ..., said", "said X", "according to X", "сообщил председатель Комитета X"; a medium
("according to Interfax", "a Telegram channel said") passes speech on and is nobody's speaker.
"""

from __future__ import annotations

import re

from graph.ingest.candidates import Candidate, Span
from graph.ingest.document import Digest
from graph.ingest.event_dates import other_clauses
from graph.ingest.lexicon import DAY_WORDS, PERSON_TITLES, PRONOUNS
from graph.ingest.segments import Sentence
from graph.ingest.situated import Situated
from graph.ingest.tokens import CYRILLIC, Token, _morph, grammemes
from graph.ingest.triggers import Trigger

THAT_WORDS = {"that", "что", "што", "чтобы"}
REPORTED_SPEECH = {"according to", "по слово", "паводле"}


def may_speak(situated: Situated, quoted: bool = False) -> bool:
    """Not a place, not a bare acronym nobody knows, and (unless nobody else can be) not someone named
    inside the quoted words ('"The Service notes ...", the agency reports' has only that name)."""
    actor = situated.actor
    return (
        (quoted or not situated.quoted) and actor.kind not in {"region", "city"} and actor.confidence >= 0.5
    )


def find_speaker(
    trigger: Span, before: list[Situated], after: list[Situated], tokens: list[Token], closing: bool = True
) -> Situated | None:
    """'X said', 'X, who ..., said'; 'said X' and 'according to X' (the name right after the trigger)."""
    before = [s for s in before if _may_be_subject(s)]
    right_after = [
        s
        for s in after
        if _words_between(trigger, s, tokens)
        and (len(_words_between(trigger, s, tokens)) <= 3 or _titled_after(trigger, s, tokens))
    ]
    if right_after and (not before or _reported(trigger, tokens)):
        titled = [s for s in right_after if s.actor.kind == "person" and _titled_after(trigger, s, tokens)]
        return titled[0] if titled else right_after[0]  # 'сообщил председатель Комитета X': X, not the body
    if before and _subject_after(trigger, tokens):
        # '..., сообщил правозащитный центр «Вясна»': who spoke is after the verb, unnamed; '..., сообщил
        # президент России Владимир Путин': named there with a title
        titled = [s for s in right_after if s.actor.kind == "person" and _titled_after(trigger, s, tokens)]
        return titled[0] if titled else None
    if before:
        closest = max(before, key=lambda s: s.mention.span.end)
        nearest = _person_of_title(closest, before, trigger, tokens)
        if closing and _closing(trigger, tokens) and _gap(closest, trigger, tokens) > 5:
            return None  # '..., a Telegram channel monitoring ... said.': the source is not a name here
        return nearest
    return None


def _may_be_subject(situated: Situated) -> bool:
    """'встреча с губернатором Московской области, сообщили ...': a Russian name or title in a case
    other than the nominative ('губернатором', 'Лукашенко' reads as either) is not who speaks before
    the verb."""
    words = [w for w in re.findall(r"\w+", situated.mention.surface) if CYRILLIC.search(w)]
    if not words:
        return True
    return any(p.tag.case == "nomn" or "Fixd" in p.tag for p in _morph().parse(words[0].lower()))


SPEAKER_TITLES = PERSON_TITLES | {"spokesman", "spokeswoman", "official", "пресс-секретарь", "официальный"}
APPOSITION_REACH = 10
"""Words a title in apposition may take ('Ivan Petrov, the head of the Foreign Ministry's press service,
said')."""


def _person_of_title(
    nearest: Situated, before: list[Situated], trigger: Span, tokens: list[Token]
) -> Situated:
    """'Dmitry Peskov, the Kremlin spokesman, said', 'Анатолий Глаз, пресс-секретарь МИД, заявил': a
    body named in the title after a person's name is whose the person speaks for; the person speaks."""
    if nearest.actor.kind == "person":
        return nearest
    people = [
        s for s in before if s.actor.kind == "person" and s.mention.span.end <= nearest.mention.span.start
    ]
    if not people:
        return nearest
    person = max(people, key=lambda s: s.mention.span.end)
    between = [t.norm for t in tokens if person.mention.span.end <= t.start and t.end <= trigger.start]
    others = [
        s for s in before if person.mention.span.end <= s.mention.span.start < nearest.mention.span.start
    ]
    titled = len(between) <= APPOSITION_REACH and bool(SPEAKER_TITLES.intersection(between))
    return person if titled and all(s.actor.kind != "person" for s in others) else nearest


def _subject_after(trigger: Span, tokens: list[Token]) -> bool:
    """'X приговорили к 14 годам, сообщил правозащитный центр': a Russian speech verb followed by a noun
    phrase in the nominative has its subject after it; a name before it is what was said."""
    after = [t for t in tokens if t.start >= trigger.end][:1]
    if not after or not CYRILLIC.search(after[0].text) or after[0].text[:1].isupper():
        return False
    tags = grammemes(after[0].text)
    return "nomn" in tags and bool({"NOUN", "ADJF"} & tags) and "NPRO" not in tags


def _closing(trigger: Span, tokens: list[Token]) -> bool:
    """'..., X said.': the speech verb closes the sentence."""
    return len([t for t in tokens if t.start >= trigger.end]) <= 4


def _gap(situated: Situated, trigger: Span, tokens: list[Token]) -> int:
    return len([t for t in tokens if situated.mention.span.end <= t.start and t.end <= trigger.start])


MEDIA = re.compile(
    r"news|times|post|agency|agentur|press|media|tass|belta|interfax|reuters|\bap\b|afp|ria|radio|tv|"
    r"channel|journal|gazet|zerkalo|nasha niva|rferl|belsat|\.(?:ru|by|az|com|eu|ua)\b|"
    r"новост|тасс|белта|интерфакс|риа|агентств|газет|канал|телеграм|издани",
    re.IGNORECASE,
)


def is_medium(situated: Situated) -> bool:
    """'according to Interfax', 'Caliber.Az reports': a medium passes speech on; it is not the speaker."""
    actor = situated.actor
    return actor.kind == "organization" and bool(
        MEDIA.search(actor.name) or MEDIA.search(situated.mention.surface)
    )


def _words_between(trigger: Span, situated: Situated, tokens: list[Token]) -> list[str]:
    """The words from the trigger up to the name (the name's first word included, so never empty)."""
    words = [t.norm for t in tokens if trigger.end <= t.start <= situated.mention.span.start]
    return [] if THAT_WORDS.intersection(words) else words


def _titled_after(trigger: Span, situated: Situated, tokens: list[Token]) -> bool:
    """'заявил в понедельник глава МИД Беларуси X', 'said on Monday the Foreign Minister of Belarus X':
    between the speech verb and the name only the day and the speaker's title (an acronym of a body
    included)."""
    between = [t for t in tokens if trigger.end <= t.start and t.end <= situated.mention.span.start]
    return any(t.norm in PERSON_TITLES for t in between) and all(
        t.norm in PERSON_TITLES or t.norm in DAY_WORDS or t.text[:1].isupper() for t in between
    )


def _reported(trigger: Span, tokens: list[Token]) -> bool:
    words = " ".join(t.norm for t in tokens if trigger.start <= t.start < trigger.end)
    return words in REPORTED_SPEECH


QUOTES = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"|„[^“”]*[“”]")
THAT = re.compile(r"\b(?:that|что|чтобы)\b", re.IGNORECASE)
FIRST_AND_SECOND_PERSON = re.compile(
    r"(?<!\w)(?:I|we|our|us|you|your|я|мы|нас|наш\w*|вы|вас|ваш\w*|ты|тебя)(?!\w)", re.IGNORECASE
)


def quotations(digest: Digest, sentence: Sentence) -> list[Span]:
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


def spoken_before(digest: Digest, sentence: Sentence) -> list[Span]:
    """The whole quotations on the sentence's line that end in it ('«... Many sentences ...», — сказал
    он'): what the statement closing them says."""
    line_start = digest.text.rfind("\n", 0, sentence.span.start) + 1
    return [
        Span(m.start(), m.end())
        for m in QUOTES.finditer(digest.text, line_start, sentence.span.end)
        if sentence.span.start <= m.end() <= sentence.span.end and m.start() < sentence.span.start
    ]


def _talk(quotation: str) -> bool:
    """A quotation over several sentences is someone's talk when it speaks in the first or second person;
    a communiqué quoted in the third person ('"Contracts were signed ...", the statement said') reports."""
    return FIRST_AND_SECOND_PERSON.search(quotation) is not None


def said_spans(digest: Digest, sentence: Sentence, trigger: Trigger) -> list[Span]:
    """What a statement says (its quotations, the clause after 'that'/'что'): dates in it are what the
    speaker spoke of, not when they spoke."""
    if trigger.kind != "statement":
        return []
    spans = quotations(digest, sentence)
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


def speaks(statement: Candidate, chosen: list[Trigger], trigger: Trigger, tokens: list[Token]) -> bool:
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


def pronoun_speaks(trigger: Trigger, tokens: list[Token]) -> bool:
    """'..., he added', 'he said', 'сказал он': the pronoun next to the verb is the speaker, whoever the
    reported words name."""
    if trigger.kind != "statement":
        return False
    before = [t.norm for t in tokens if t.end <= trigger.span.start][-1:]
    after = [t.norm for t in tokens if t.start >= trigger.span.end][:1]
    return bool(PRONOUNS.intersection(before + after))


def speaker_colon(
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
