"""'he announced' -> the person the text spoke of last."""

from __future__ import annotations

from graph.ingest.candidates import EventKind, Participant
from graph.ingest.document import Digest
from graph.ingest.lexicon import PRONOUNS
from graph.ingest.segments import Sentence
from graph.ingest.triggers import Trigger

ROLE = {
    "statement": "speaker", "visit": "visitor", "publication": "publisher", "ban": "target",
    "contract_signing": "party",
}  # fmt: skip


def antecedent(digest: Digest, sentence: Sentence, trigger: Trigger, kind: EventKind) -> list[Participant]:
    before = digest.tokens_in(sentence.span)
    pronoun = next((t for t in before if t.end <= trigger.span.start and t.norm in PRONOUNS), None)
    if pronoun is None:
        return []
    people = [m for m in digest.mentions if m.span.end <= pronoun.start and m.best.kind == "person"]
    if not people:
        return []
    return [Participant(people[-1].best, ROLE.get(kind, "participant"))]
