"""State bodies named after their place: "the Hrodna Regional Court", "the Homel regional court", "Brest
City Executive Committee", "Минский областной суд".

The gazetteer finds the place and the capitalised-run rules the body's head ("Regional Court"), as two
mentions; the body is one actor, named as written. A court or executive committee is an actor of
sentences, fines and appointments in its own right, not a place where they happened.
"""

from __future__ import annotations

import re

from graph.ingest.candidates import PLACE_KINDS, Mention, Span
from graph.ingest.names import proposal
from graph.ingest.places import city_for_locative

LEVEL = r"(?:regional|district|city|town|oblast|military|economic|municipal|village)"
BODY = re.compile(
    rf"\s+(?:{LEVEL}\s+)*(?:court|executive\s+committee|prosecutor's\s+office)\b", re.IGNORECASE
)
"""What may follow a place to make it a body's name (any capitalisation)."""


RU_HEAD = re.compile(r"(?<![\w-])(суд|прокуратур)(\w{0,3})\s+$", re.IGNORECASE)
"""'суд Ленинского района Гродно', 'прокуратуры Гомельской области': a Russian body named by the places
after it (in the genitive)."""
RU_HEADS = {"суд": "суд", "прокуратур": "прокуратура"}
RU_JOIN = re.compile(r"\s+(?:г\.\s*|города\s+)?")
EN_HEAD = re.compile(rf"\b(?:{LEVEL}\s+)*court\s+of\s+(?:the\s+)?$", re.IGNORECASE)
EN_DISTRICT = re.compile(r"(?:’s|'s)\s+\w+\s+(?:district|region|raion)\b|\s+(?:district|region|city)\b")
EN_NAMED = re.compile(r"(?<!\w)(?!(?:The|On|In|At|A|An)\s)(?:[A-Z][\w’'-]+\s+){1,3}$")
"""'the Court of Minsk’s Centraĺny district', 'the Frunzienski District Court of Minsk': an English body
named by the place after its head (up to the district of that place), with the name before its head."""


def bodies_named_by_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each place that begins a body's name replaced by the body (the body's own head
    mention, when one was proposed, is absorbed)."""
    result: list[Mention] = []
    skip_until = -1
    for index, mention in enumerate(mentions):
        if mention.span.start < skip_until:
            continue
        russian = _russian_body(text, mentions, index)
        if russian is not None:
            if result and result[-1].span.end > russian.span.start:
                russian = _seated(text, result.pop(), russian)
            result.append(russian)
            skip_until = russian.span.end
            continue
        english = _english_body(text, mention)
        if english is not None:
            result.append(english)
            skip_until = english.span.end
            continue
        body = BODY.match(text, mention.span.end) if _placelike(mention) else None
        if body is None:
            result.append(mention)
            continue
        span = Span(mention.span.start, body.end())
        name = text[span.start : span.end]
        seat = mention.best if mention.best.kind in PLACE_KINDS else city_for_locative(mention)
        result.append(Mention(span, (proposal(name, "organization", 0.6),), name, seat=seat))
        skip_until = span.end
    return [
        m for m in result if not any(m is not o and m.span.overlaps(o.span) and _inside(m, o) for o in result)
    ]


def _russian_body(text: str, mentions: list[Mention], index: int) -> Mention | None:
    """'Суд Центрального района Минска': the court word before a place (a district, a city, a region)
    and every place joined to it make one body, named in the nominative, seated in the last place."""
    first = mentions[index]
    head = RU_HEAD.search(text, max(0, first.span.start - 20), first.span.start)
    if head is None or not _placelike(first):
        return None
    end, seat = first.span.end, first
    for following in mentions[index + 1 :]:
        join = RU_JOIN.fullmatch(text, end, following.span.start)
        if join is None or not _placelike(following):
            break
        end, seat = following.span.end, following
    written = text[head.start() : end]
    name = f"{RU_HEADS[head.group(1).lower()].capitalize()} {text[first.span.start : end]}"
    seat_actor = city_for_locative(seat) if seat.best.kind not in PLACE_KINDS else seat.best
    return Mention(Span(head.start(), end), (proposal(name, "organization", 0.6),), written, seat=seat_actor)


def _english_body(text: str, mention: Mention) -> Mention | None:
    head = EN_HEAD.search(text, max(0, mention.span.start - 40), mention.span.start)
    if head is None or not _placelike(mention):
        return None
    tail = EN_DISTRICT.match(text, mention.span.end)
    named = EN_NAMED.search(
        text, max(0, head.start() - 40), head.start()
    )  # 'the Frunzienski District Court of'
    start = named.start() if named is not None else head.start()
    span = Span(start, tail.end() if tail else mention.span.end)
    written = text[span.start : span.end]
    name = written[:1].upper() + written[1:]
    seat = mention.best if mention.best.kind in PLACE_KINDS else city_for_locative(mention)
    return Mention(span, (proposal(name, "organization", 0.6),), written, seat=seat)


def _seated(text: str, named: Mention, body: Mention) -> Mention:
    """'Ленинский районный суд Минска': a body already named up to its court word ('Ленинский районный
    суд') and the place after that word are one body, named as written and seated there (not a second
    'Суд Минска')."""
    span = Span(named.span.start, body.span.end)
    written = text[span.start : span.end]
    return Mention(span, (proposal(written, "organization", 0.6),), written, seat=body.seat)


def _placelike(mention: Mention) -> bool:
    """A district, city or region ('Центрального района', 'Минска': a capital the reference data knows as
    its government is the city here)."""
    return (
        any(c.kind in PLACE_KINDS for c in mention.candidates)
        or city_for_locative(mention).kind in PLACE_KINDS
        or bool(re.search(r"район|округ|област", mention.surface, re.IGNORECASE))
    )


def _inside(inner: Mention, outer: Mention) -> bool:
    return (
        outer.span.start <= inner.span.start and inner.span.end <= outer.span.end and inner.span != outer.span
    )
