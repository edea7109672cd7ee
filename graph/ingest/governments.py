"""Governments named by their people's adjective: "Lithuanian authorities", "the Polish government",
"белорусские власти", "российское правительство". Each becomes a mention of that country's government
when the reference data has one, else of the country itself: the state acted (banned, expelled,
sanctioned), whoever in it signed.
"""

from __future__ import annotations

from itertools import pairwise

from graph.ingest.candidates import ActorRef, Mention, Span
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.tokens import Token

NATIONAL = {
    "belarusian": "BY", "russian": "RU", "ukrainian": "UA", "lithuanian": "LT", "latvian": "LV",
    "polish": "PL", "estonian": "EE", "moldovan": "MD", "kazakh": "KZ", "chinese": "CN",
    "american": "US", "german": "DE", "french": "FR", "czech": "CZ", "georgian": "GE",
    "armenian": "AM", "azerbaijani": "AZ", "uzbek": "UZ", "kyrgyz": "KG", "tajik": "TJ", "british": "GB",
    "белорусский": "BY", "российский": "RU", "украинский": "UA", "литовский": "LT", "латвийский": "LV",
    "польский": "PL", "эстонский": "EE", "молдавский": "MD", "казахстанский": "KZ", "китайский": "CN",
    "американский": "US", "немецкий": "DE", "германский": "DE", "французский": "FR", "чешский": "CZ",
    "грузинский": "GE", "армянский": "AM", "азербайджанский": "AZ", "узбекский": "UZ",
    "киргизский": "KG", "кыргызский": "KG", "таджикский": "TJ", "британский": "GB",
}  # fmt: skip
"""A people's adjective (Russian by its lemma) -> the ISO code of its country."""
GOVERNING = {"authorities", "government", "власть", "правительство"}


def governments_named_by_adjective(
    tokens: list[Token], mentions: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """`mentions` with one more for every 'adjective + authorities/government' no mention covers."""
    added: list[Mention] = []
    for adjective, noun in pairwise(tokens):
        code = NATIONAL.get(adjective.norm)
        if code is None or noun.norm not in GOVERNING:
            continue
        span = Span(adjective.start, noun.end)
        if any(m.span.overlaps(span) for m in mentions):
            continue
        actor = _government(f"country:{code}", gazetteer)
        if actor is not None:
            added.append(Mention(span, (actor,), f"{adjective.text} {noun.text}"))
    return sorted(mentions + added, key=lambda m: m.span.start) if added else mentions


def _government(country: str, gazetteer: Gazetteer) -> ActorRef | None:
    governments = [
        actor
        for actor_id, actor in gazetteer.actors.items()
        if actor_id.startswith("org:government-of-") and gazetteer.countries.get(actor_id) == country
    ]
    return governments[0] if len(governments) == 1 else gazetteer.actors.get(country)
