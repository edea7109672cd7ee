"""Who held which office when: the dated table in `holders.yaml` (public knowledge, a source per person).

A title the text does not tie to a name ("the Russian foreign minister", "глава МИД Беларуси", "the
governor of the Pskov region") is read as the person who held that office on the text's date; the
table's people are also found by name, like the reference data's (graph/ingest/gazetteer.py adds them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import Location, ValidationFailed

HOLDERS_FILE = Path(__file__).with_name("holders.yaml")
OFFICES = frozenset({
    "president", "prime minister", "deputy prime minister", "foreign minister", "defence minister",
    "ambassador", "governor", "state secretary", "federation council chair", "duma chair",
    "council of the republic chair", "house of representatives chair", "kremlin spokesperson",
    "foreign ministry spokesperson",
})  # fmt: skip
"""The offices a title is read into (graph/ingest/offices.py's TITLES give these keys)."""
SEVERAL = frozenset({"deputy prime minister"})
"""Offices several people hold at once: a title alone never names one of them."""


@dataclass(frozen=True)
class Term:
    person: str
    office: str
    of: str
    start: date
    end: date | None
    """None: still in office."""
    to: str | None = None
    """An ambassador's host country."""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class Holders:
    people: tuple[Person, ...]
    terms: tuple[Term, ...]

    def at(self, office: str, of: str, day: date, to: str | None = None) -> list[str]:
        """Every person who held `office` of `of` (to `to`, for an ambassador) on `day`; never one of
        several who hold the office together."""
        if office in SEVERAL:
            return []
        found = {
            t.person
            for t in self.terms
            if t.office == office and t.of == of and (to is None or t.to == to) and t.covers(day)
        }
        return sorted(found)


@lru_cache(maxsize=4)
def load_holders(path: Path = HOLDERS_FILE) -> Holders:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValidationFailed(f"not valid YAML: {error}", location=Location(file=str(path))) from error
    records = document.get("people") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise ValidationFailed("needs a list 'people'", location=Location(file=str(path), field="people"))
    people: list[Person] = []
    terms: list[Term] = []
    for index, record in enumerate(records):
        person, held = _person(record, Location(file=str(path), record=str(index)))
        people.append(person)
        where = Location(file=str(path), record=person.id, field="held")
        terms += [_term(person.id, term, where) for term in held]
    return Holders(tuple(people), tuple(terms))


def _person(record: Any, where: Location) -> tuple[Person, list[Any]]:
    if not isinstance(record, dict):
        raise ValidationFailed("a person must be a mapping", location=where)
    person_id, name, source = record.get("id"), record.get("name"), record.get("source")
    if not isinstance(person_id, str) or not person_id.startswith("person:"):
        raise ValidationFailed("needs an 'id' person:...", location=Location(where.file, where.record, "id"))
    where = Location(where.file, person_id)
    if not isinstance(name, str) or not name.strip():
        raise ValidationFailed("needs a 'name'", location=Location(where.file, where.record, "name"))
    if not isinstance(source, str) or not source.startswith("https://"):
        raise ValidationFailed("needs a 'source' URL", location=Location(where.file, where.record, "source"))
    aliases, held = record.get("aliases") or [], record.get("held")
    if not isinstance(aliases, list) or not isinstance(held, list):
        raise ValidationFailed(
            "'aliases' and 'held' must be lists", location=Location(where.file, where.record, "held")
        )
    country = record.get("country")
    return Person(person_id, name, tuple(str(a) for a in aliases), str(country) if country else None), held


def _term(person: str, record: Any, where: Location) -> Term:
    if not isinstance(record, dict):
        raise ValidationFailed("a term must be a mapping", location=where)
    office, of, to = record.get("office"), record.get("of"), record.get("to")
    if office not in OFFICES:
        known = ", ".join(sorted(OFFICES))
        raise ValidationFailed(f"unknown office {office!r}; known: {known}", location=where)
    if not isinstance(of, str) or ":" not in of:
        raise ValidationFailed("a term needs 'of' (an actor id)", location=where)
    start = _day(record.get("from"), where)
    if start is None:
        raise ValidationFailed("a term needs 'from'", location=where)
    end = _day(record.get("until"), where)
    if end is not None and end < start:
        raise ValidationFailed(f"term of {office} of {of} ends before it starts", location=where)
    return Term(person, str(office), of, start, end, str(to) if to else None)


def _day(value: Any, where: Location) -> date | None:
    """A date, or 'YYYY-MM' (known to the month: its first day)."""
    if value is None or isinstance(value, date):
        return value
    try:
        year, month = (int(part) for part in str(value).split("-"))
        return date(year, month, 1)
    except ValueError:
        raise ValidationFailed(f"{value!r} is not a date (YYYY-MM-DD or YYYY-MM)", location=where) from None
