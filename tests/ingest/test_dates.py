"""Dates in digest prose are resolved against the digest's own week."""

from __future__ import annotations

from datetime import date

from graph.ingest.candidates import DateSpan
from graph.ingest.dates import find_dates, find_relative

APRIL_WEEK = DateSpan(date(2023, 4, 24), date(2023, 4, 30), "range")


def resolved(text: str, period: DateSpan | None = APRIL_WEEK) -> list[str]:
    return [str(m.value) for m in find_dates(text, 0, len(text), period)]


def test_a_day_without_a_year_takes_the_year_of_the_digest() -> None:
    assert resolved("However, on April 28th, he announced") == ["2023-04-28"]


def test_from_day_to_day_is_a_range() -> None:
    assert resolved("From April 26th to 28th, a delegation visited") == ["2023-04-26/2023-04-28"]
    assert resolved("С 26 по 28 апреля делегация посетила") == ["2023-04-26/2023-04-28"]


def test_a_month_with_a_year_is_a_month() -> None:
    assert resolved("an agreement concluded in October 2022") == ["2022-10"]
    assert resolved("соглашение, заключённое в октябре 2022 года") == ["2022-10"]


def test_a_december_day_in_a_january_digest_is_last_year() -> None:
    january = DateSpan(date(2023, 1, 2), date(2023, 1, 8), "range")
    assert resolved("on December 28th he said", january) == ["2022-12-28"]


def test_the_week_header_is_read_without_a_period() -> None:
    assert resolved("April 24 – April 30, 2023", None) == ["2023-04-24/2023-04-30"]


def test_a_plan_for_a_year_is_not_a_date_but_in_a_year_is() -> None:
    assert resolved("a plan for consultations for 2023") == []
    assert resolved("meetings with Putin in 2023") == ["2023"]


def test_the_modal_may_is_not_a_month() -> None:
    assert resolved("he may 5 times repeat") == []


def test_until_closes_a_range() -> None:
    found = find_dates("went on July 23rd and stayed until July 25th.", 0, 45, APRIL_WEEK)
    assert [m.is_end_bound for m in found] == [False, True]


def test_relative_dates_count_from_the_last_date_mentioned() -> None:
    anchor = date(2023, 4, 28)
    for text, expected in [
        ("A week earlier, Putin met", "2023-04-21"),
        ("two days later", "2023-04-30"),
        ("Неделей ранее он", "2023-04-21"),
        ("Через два дня Литва", "2023-04-30"),
        ("the next day", "2023-04-29"),
    ]:
        assert [str(m.value) for m in find_relative(text, 0, len(text), anchor)] == [expected], text


def test_an_event_is_not_the_eve() -> None:
    text = "calling on the community to condemn the event"
    assert find_relative(text, 0, len(text), date(2023, 5, 9)) == []
