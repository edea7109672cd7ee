"""Provenance: the digest a fact comes from, and the exact words it says it in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import pycountry
from pydantic import AfterValidator, Field, field_validator

from graph.model.base import Name, Record, Ref, Reference, Target, Text
from graph.model.dates import DateSpan
from graph.model.ids import SourceId


def _language(code: str) -> str:
    if pycountry.languages.get(alpha_2=code) is None:
        raise ValueError(f"'{code}' is not an ISO 639-1 language code")
    return code


class Source(Record):
    id: SourceId
    title: Name
    section: Name | None = None
    publisher: Name | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    period: DateSpan | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$"), AfterValidator(_language)] | None = None
    status_label: Name | None = None
    text_file: Name | None = None
    """The digest's text, relative to the file that declares the source; every quote must occur in it."""


class Evidence(Record):
    quote: Annotated[str, Field(min_length=1, max_length=20_000)]
    source: Ref | None = None
    """Defaults to the source of the file the evidence is in."""

    @field_validator("quote")
    @classmethod
    def _not_blank(cls, quote: str) -> str:
        if not quote.strip():
            raise ValueError("quote is blank")
        return quote


class Evidenced(Record):
    evidence: list[Evidence]

    @field_validator("evidence")
    @classmethod
    def _at_least_one(cls, evidence: list[Evidence]) -> list[Evidence]:
        if not evidence:
            raise ValueError("needs at least one piece of evidence (a quote from its source)")
        return evidence

    def evidence_references(self) -> Iterator[Reference]:
        for index, item in enumerate(self.evidence):
            if item.source is not None:
                yield Reference(f"evidence[{index}].source", item.source, Target.SOURCE)


__all__ = ["Evidence", "Evidenced", "Source", "Text"]
