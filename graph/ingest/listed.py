"""A decision told as a list: 'Указом Президента назначены:' and then one line per person."""

from __future__ import annotations

from dataclasses import replace

from graph.ingest.candidates import Candidate, Evidence, Participant
from graph.ingest.document import Digest
from graph.ingest.event_dates import date_near
from graph.ingest.event_places import places_for, posts_for
from graph.ingest.segments import Sentence
from graph.ingest.situated import Situated
from graph.ingest.splitting import PER_PERSON
from graph.ingest.titles import event_title


def list_items(
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
