"""General rules for precision, dates, actors and money (issue 13), each on a sentence of our own."""

from __future__ import annotations

from datetime import date

from graph.ingest.candidates import Candidate, DateSpan
from graph.ingest.dates import find_dates
from graph.ingest.pipeline import ingest
from tests.ingest.conftest import FIXTURE_SEED, WriteDigest

THURSDAY = date(2024, 5, 16)
DAY = DateSpan(THURSDAY, THURSDAY, "day")
LUKASHENKA, PUTIN = "person:alexander-lukashenka", "person:vladimir-putin"


def resolved(text: str, period: DateSpan = DAY) -> list[str]:
    return [str(m.value) for m in find_dates(text, 0, len(text), period)]


def events(write_digest: WriteDigest, text: str, published: date = THURSDAY) -> list[Candidate]:
    return ingest(write_digest(text), FIXTURE_SEED, published=published).candidates


def ids(candidate: Candidate) -> set[str]:
    return {a.id for a in candidate.actors}


# Dates


def test_a_weekday_followed_by_its_date_is_that_date() -> None:
    assert resolved("The session opens on Friday, May 17.") == ["2024-05-17"]
    assert resolved("Сессия открылась в пятницу, 17 мая.") == ["2024-05-17"]
    assert resolved("On Monday, 12 people were detained.") == ["2024-05-13"]


def test_early_mid_and_late_months_are_the_month() -> None:
    assert resolved("He went there in early March and again in mid-April.") == ["2024-03", "2024-04"]
    assert resolved("Делегация побывала там в конце марта.") == ["2024-03"]


def test_a_date_in_a_relative_clause_dates_that_clause(write_digest: WriteDigest) -> None:
    text = (
        "The blogger Ivan Petrov, who went on trial in April, was detained in Minsk in November 2023 "
        "by the police."
    )
    [detention] = [c for c in events(write_digest, text) if c.kind == "detention"]
    assert str(detention.date) == "2023-11"


def test_a_date_in_a_cause_is_not_the_events(write_digest: WriteDigest) -> None:
    text = "On Tuesday, Lukashenka criticised Poland in response to the border closure of March 2024."
    [statement] = events(write_digest, text)
    assert str(statement.date) == "2024-05-14"


def test_a_russian_participial_phrase_keeps_its_date(write_digest: WriteDigest) -> None:
    text = "Лукашенко назвал важными договоренности с Путиным, достигнутые на встрече 9 мая."
    statements = [c for c in events(write_digest, text) if c.kind == "statement"]
    assert [str(s.date) for s in statements] == ["2024-05-16"]


def test_names_in_a_cause_take_no_part(write_digest: WriteDigest) -> None:
    text = "On May 14, Lithuania imposed sanctions on Belarus in response to a statement by Putin."
    [sanction] = [c for c in events(write_digest, text) if c.kind == "sanction"]
    assert PUTIN not in ids(sanction)
