"""The seam between reading a digest and finding its events.

Anything that turns a `Digest` into `Candidate`s is an `Extractor`: the deterministic `RuleExtractor`
today, a language model tomorrow (give it `digest.text`, `digest.header` and the gazetteer's names, and
map its answer to candidates whose evidence spans are exact offsets into `digest.text`). The draft writer
and the evaluation only ever see candidates.
"""

from __future__ import annotations

from typing import Protocol

from graph.ingest.candidates import Candidate
from graph.ingest.document import Digest
from graph.ingest.rule_extractor import RuleExtractor


class Extractor(Protocol):
    name: str

    def extract(self, digest: Digest) -> list[Candidate]: ...


EXTRACTORS: dict[str, type[Extractor]] = {"rules": RuleExtractor}


def get_extractor(name: str) -> Extractor:
    try:
        return EXTRACTORS[name]()
    except KeyError:
        from graph.errors import ValidationFailed

        raise ValidationFailed(f"unknown extractor {name!r}; known: {', '.join(EXTRACTORS)}") from None
