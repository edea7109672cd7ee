"""Where an event took place, and the places of the posts an appointment or dismissal is about."""

from __future__ import annotations

from graph.ingest.candidates import PLACE_KINDS, ActorRef, EventKind, Mention, Span
from graph.ingest.roles import PARTICIPANT_REACH
from graph.ingest.situated import Situated
from graph.ingest.subjects import COURT_KINDS, DECIDED

PLACE_REACH = {"statement": 40}


def posts_for(kind: EventKind, situated: list[Situated]) -> list[ActorRef]:
    """The places of the posts an appointment or dismissal is about ('the ambassadors to Sweden and
    Finland')."""
    if kind not in DECIDED:
        return []
    return list({s.actor.id: s.actor for s in situated if s.is_place and s.of_post}.values())


def places_for(kind: EventKind, trigger: Span, situated: list[Situated]) -> list[ActorRef]:
    usable = [
        s
        for s in situated
        if s.is_place
        and not s.origin
        and not s.qualifier
        and kind != "ban"
        and not (s.of_post and kind in DECIDED)
        and not (s.quoted and kind == "statement")  # '"... in Russia," he said': what, not where, he spoke
    ]
    seats = [s.mention.seat for s in situated if s.mention.seat is not None and kind in COURT_KINDS]
    if seats and not any(s.locative for s in usable):
        return seats[:1]  # 'the Homel regional court sentenced X': the trial was held in Homel
    if kind == "visit":
        places = [
            s
            for s in usable
            if s.mention.span.start >= trigger.end and (s.locative or _only_place(s.mention))
        ] or [s for s in usable if s.locative and 0 <= trigger.start - s.mention.span.end <= JUST_BEFORE]
    else:
        reach = PLACE_REACH.get(kind, PARTICIPANT_REACH)
        places = [s for s in usable if s.locative and trigger.distance(s.mention.span) <= reach]
    seen: dict[str, ActorRef] = {}
    for s in places:
        seen.setdefault(s.actor.id, s.actor)
    return list(seen.values())


JUST_BEFORE = 3
"""'в Бишкек прилетел', 'In Minsk arrived ...': with no place after the verb of a visit, the one right
before it (a space or two away) is where the visitor went."""


def _only_place(mention: Mention) -> bool:
    return all(c.kind in PLACE_KINDS for c in mention.candidates)
