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

LEVEL = r"(?:regional|district|city|town|oblast|military|economic|municipal|village)"
BODY = re.compile(
    rf"\s+(?:{LEVEL}\s+)*(?:court|executive\s+committee|prosecutor's\s+office)\b", re.IGNORECASE
)
"""What may follow a place to make it a body's name (any capitalisation)."""


def bodies_named_by_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each place that begins a body's name replaced by the body (the body's own head
    mention, when one was proposed, is absorbed)."""
    result: list[Mention] = []
    skip_until = -1
    for mention in mentions:
        if mention.span.start < skip_until:
            continue
        body = BODY.match(text, mention.span.end) if mention.best.kind in PLACE_KINDS else None
        if body is None:
            result.append(mention)
            continue
        span = Span(mention.span.start, body.end())
        name = text[span.start : span.end]
        result.append(Mention(span, (proposal(name, "organization", 0.6),), name, seat=mention.best))
        skip_until = span.end
    return [
        m for m in result if not any(m is not o and m.span.overlaps(o.span) and _inside(m, o) for o in result)
    ]


def _inside(inner: Mention, outer: Mention) -> bool:
    return (
        outer.span.start <= inner.span.start and inner.span.end <= outer.span.end and inner.span != outer.span
    )
