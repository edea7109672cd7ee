"""Speakers: who a speech verb's words are from, among the names around it.

"X said", "X, who ..., said", "said X", "according to X", "сообщил председатель Комитета X"; a medium
("according to Interfax") passes speech on and is nobody's speaker.
"""

from __future__ import annotations

import re

from graph.ingest.candidates import Span
from graph.ingest.lexicon import DAY_WORDS, PERSON_TITLES
from graph.ingest.situated import Situated
from graph.ingest.tokens import Token

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
    right_after = [
        s
        for s in after
        if _words_between(trigger, s, tokens)
        and (len(_words_between(trigger, s, tokens)) <= 3 or _titled_after(trigger, s, tokens))
    ]
    if right_after and (not before or _reported(trigger, tokens)):
        titled = [s for s in right_after if s.actor.kind == "person" and _titled_after(trigger, s, tokens)]
        return titled[0] if titled else right_after[0]  # 'сообщил председатель Комитета X': X, not the body
    if before:
        nearest = max(before, key=lambda s: s.mention.span.end)
        if closing and _closing(trigger, tokens) and _gap(nearest, trigger, tokens) > 5:
            return None  # '..., a Telegram channel monitoring ... said.': the source is not a name here
        return nearest
    return None


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
