"""The model on its own: what a single record may say, before any other record is looked at."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from graph.model import Actor, Agreement, Claim, DateSpan, Document, Event, Money, Office, Region, Target
from graph.model.dates import MAX_TIME_LINKS

actors: TypeAdapter[Any] = TypeAdapter(Actor)
events: TypeAdapter[Any] = TypeAdapter(Event)


def rejection(validate: Any, value: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(value)
    return str(caught.value)


@pytest.mark.parametrize(
    ("written", "start", "end", "precision"),
    [
        ("2023-04-28", date(2023, 4, 28), date(2023, 4, 28), "day"),
        ({"start": "2023-04-26", "end": "2023-04-28"}, date(2023, 4, 26), date(2023, 4, 28), "range"),
        ("2023-04", date(2023, 4, 1), date(2023, 4, 30), "month"),
        (2023, date(2023, 1, 1), date(2023, 12, 31), "year"),
        ({"start": "2024-02", "precision": "month"}, date(2024, 2, 1), date(2024, 2, 29), "month"),
    ],
)
def test_an_analyst_writes_dates_the_way_the_digest_gives_them(
    written: Any, start: date, end: date, precision: str
) -> None:
    span = DateSpan.model_validate(written)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2023-02-30", "'2023-02-30' is not a real date"),
        ({"start": "2023-04-28", "end": "2023-04-26"}, "end 2023-04-26 is before start 2023-04-28"),
        (
            {"start": "2023-04-02", "end": "2023-04-26", "precision": "month"},
            "precision 'month' does not fit",
        ),
        ("April 28th", "'April 28th' is not a date"),
        ("9999-12-31", "9999-12-31 is after the latest date the graph accepts, 2100-12-31"),
        (
            {"start": "0001", "end": "1999"},
            "0001-01-01 is before the earliest date the graph accepts, 1800-01-01",
        ),
        ({"start": "1023", "end": "2023"}, "1023-01-01 is before the earliest date the graph accepts"),
        ("2101-01", "2101-01-01 is after the latest date the graph accepts"),
    ],
)
def test_impossible_dates_are_refused(written: Any, message: str) -> None:
    assert message in rejection(DateSpan.model_validate, written)


def test_money_keeps_the_exact_amount_and_a_real_currency() -> None:
    money = Money.model_validate({"amount": "13000000.10", "currency": "usd"})
    assert money.amount == Decimal("13000000.10")
    assert money.currency == "USD"
    assert money.usd_amount == Decimal("13000000.10")


def test_other_currencies_carry_their_usd_value_with_rate_and_date() -> None:
    money = Money.model_validate(
        {
            "amount": "1000",
            "currency": "RUB",
            "usd": {"amount": "12.5", "rate": "0.0125", "rate_date": "2023-04-28"},
        }
    )
    assert money.usd_amount == Decimal("12.5")
    assert money.usd is not None and money.usd.rate_date == date(2023, 4, 28)


@pytest.mark.parametrize(
    ("money", "message"),
    [
        ({"amount": "-5", "currency": "USD"}, "greater than or equal to 0"),
        ({"amount": "5", "currency": "XYZ"}, "'XYZ' is not an ISO 4217 currency code"),
        ({"amount": "NaN", "currency": "USD"}, "finite number"),
        ({"amount": float("inf"), "currency": "USD"}, "finite number"),
        ({"amount": "1e400", "currency": "USD"}, "1E+400 is larger than the graph accepts"),
        (
            {
                "amount": "5",
                "currency": "RUB",
                "usd": {"amount": "0.06", "rate": "0.0125", "rate_date": "9999-01-01"},
            },
            "9999-01-01 is after the latest date the graph accepts",
        ),
        (
            {
                "amount": "5",
                "currency": "USD",
                "usd": {"amount": "5", "rate": "1", "rate_date": "2023-01-01"},
            },
            "'usd' is only for amounts in other currencies",
        ),
        (
            {
                "amount": "1000",
                "currency": "RUB",
                "usd": {"amount": "99", "rate": "0.0125", "rate_date": "2023-04-28"},
            },
            "does not match amount * rate = 12.50",
        ),
    ],
)
def test_money_that_cannot_be_right_is_refused(money: dict[str, Any], message: str) -> None:
    assert message in rejection(Money.model_validate, money)


@pytest.mark.parametrize(
    ("written", "unit", "first", "count"),
    [
        ("2023-04-28", "day", "2023-04-28", 1),
        ({"start": "2023-04-26", "end": "2023-04-28"}, "day", "2023-04-26", 3),
        ({"start": "2023-01-01", "end": "2023-03-03"}, "day", "2023-01-01", 62),
        ({"start": "2023-01-01", "end": "2023-03-04"}, "month", "2023-01", 3),
        ("2023-04", "month", "2023-04", 1),
        ("2023", "year", "2023", 1),
        ({"start": "2020-01", "end": "2025-02"}, "month", "2020-01", 62),
        ({"start": "2020-01", "end": "2025-03"}, "year", "2020", 6),
        ({"start": "1950", "end": "2011"}, "year", "1950", 62),
        ({"start": "1950", "end": "2012"}, "decade", "1950s", 7),
        ({"start": "1800-01-01", "end": "2100-12-31"}, "decade", "1800s", 31),
    ],
)
def test_a_span_links_to_at_most_62_time_nodes_of_the_finest_unit_that_fits(
    written: Any, unit: str, first: str, count: int
) -> None:
    """A day, month or year precision is its one day, month or year; a range is every day it covers up to
    62 days, then every month, year or decade."""
    links = DateSpan.model_validate(written).time_links()
    assert (links.unit, links.names()[0], len(links.values)) == (unit, first, count)
    assert len(set(links.names())) == count


def test_no_span_in_the_calendar_window_links_more_than_62_time_nodes() -> None:
    """Spans between firsts of months and ends of years all over the window, the widest included."""
    edges = [date(year, month, 1) for year in range(1800, 2101) for month in range(1, 13)]
    edges += [date(year, 12, 31) for year in range(1800, 2101)]
    widest = 0
    for start in [*edges[::97], date(1800, 1, 1)]:
        for end in [*edges[::13], date(2100, 12, 31)]:
            if end >= start:
                links = DateSpan(start=start, end=end, precision="range").time_links()
                widest = max(widest, len(links.values))
    assert widest == MAX_TIME_LINKS == 62


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (2**70, "does not fit in a 64-bit integer"),
        (-(2**63) - 1, "does not fit in a 64-bit integer"),
        (float("inf"), "inf is not a finite number"),
        (float("nan"), "nan is not a finite number"),
    ],
)
def test_a_claim_figure_neo4j_cannot_store_is_refused(value: Any, message: str) -> None:
    claim = {"id": "claim:x", "text": "A figure", "value": value, "evidence": [{"quote": "q"}]}
    assert message in rejection(Claim.model_validate, claim)


@pytest.mark.parametrize("value", [2**63 - 1, -(2**63), 1.5e300, "2^70", 0])
def test_a_claim_figure_that_fits_is_kept_as_given(value: Any) -> None:
    claim = {"id": "claim:x", "text": "A figure", "value": value, "evidence": [{"quote": "q"}]}
    assert Claim.model_validate(claim).value == value


def test_a_region_id_made_of_its_iso_code_needs_no_separate_code() -> None:
    region = actors.validate_python({"id": "region:RU-NVS", "kind": "region", "name": "Novosibirsk Oblast"})
    assert isinstance(region, Region)
    assert region.iso_code == "RU-NVS"


@pytest.mark.parametrize(
    ("actor", "message"),
    [
        ({"id": "country:XX", "kind": "country", "name": "Nowhere"}, "'XX' is not an ISO 3166-1 alpha-2"),
        ({"id": "region:RU-ZZZ", "kind": "region", "name": "Nowhere"}, "'RU-ZZZ' is not an ISO 3166-2"),
        ({"id": "region:RU-NVS", "kind": "region", "name": "N", "iso_code": "RU-IRK"}, "disagree"),
        ({"id": "org:putin", "kind": "person", "name": "Putin"}, "a person's id starts with 'person:'"),
        ({"id": "person:Vladimir Putin", "kind": "person", "name": "Putin"}, "not a well-formed id"),
        ({"id": "person:putin", "kind": "person", "name": "Putin", "aliases": ["V", "V"]}, "listed twice"),
        ({"id": "person:putin", "kind": "tsar", "name": "Putin"}, "does not match any of the expected tags"),
        (
            {"id": "city:x", "kind": "city", "name": "X", "location": {"lat": 91, "lon": 0}},
            "less than or equal",
        ),
    ],
)
def test_actors_must_be_well_formed(actor: dict[str, Any], message: str) -> None:
    assert message in rejection(actors.validate_python, actor)


def test_an_event_kind_is_one_class_and_its_references_are_declared() -> None:
    signing = events.validate_python(
        {
            "id": "event:2023-04-novosibirsk-contract-signing",
            "kind": "contract_signing",
            "title": "Contracts signed",
            "date": "2023-04",
            "participants": [{"actor": "Golovchenko", "role": "signatory"}],
            "places": ["Novosibirsk region"],
            "produced": ["agreement:2023-04-novosibirsk-contracts"],
            "evidence": [{"quote": "contracts worth USD 13 million were signed"}],
        }
    )
    assert signing.label == "ContractSigning"
    assert [(r.field, r.value, r.target) for r in signing.references()] == [
        ("participants[0].actor", "Golovchenko", Target.ACTOR),
        ("places[0]", "Novosibirsk region", Target.PLACE),
        ("produced[0]", "agreement:2023-04-novosibirsk-contracts", Target.AGREEMENT),
    ]


def test_facts_need_evidence() -> None:
    event = {"id": "event:x", "kind": "meeting", "title": "A meeting", "date": "2023", "evidence": []}
    assert "needs at least one piece of evidence" in rejection(events.validate_python, event)


def test_offices_and_agreements_check_their_own_fields() -> None:
    office = {
        "id": "office:x",
        "person": "Travnikov",
        "title": "Governor",
        "of": "region:RU-NVS",
        "start": "2018",
        "end": "2017-05",
        "evidence": [{"quote": "q"}],
    }
    assert "end 2017-05-31 is before start 2018-01-01" in rejection(Office.model_validate, office)
    agreement = {
        "id": "agreement:x",
        "kind": "treaty",
        "title": "T",
        "status": "signed",
        "evidence": [{"quote": "q"}],
    }
    assert "'contract', 'memorandum'" in rejection(Agreement.model_validate, agreement)


def test_a_whole_document_validates_in_one_go() -> None:
    document = Document.model_validate(
        {
            "source": {"id": "source:digest", "title": "A digest"},
            "actors": [{"id": "country:BY", "kind": "country", "name": "Belarus"}],
            "events": [
                {
                    "id": "event:x",
                    "kind": "publication",
                    "title": "P",
                    "date": "2023-04-27",
                    "evidence": [{"quote": "q"}],
                }
            ],
        }
    )
    assert document.actors[0].id == "country:BY"
    assert document.events[0].date.precision == "day"


def test_a_region_s_federal_subject_kind_follows_iso_3166_2_ru() -> None:
    assert (
        Region.model_validate({"id": "region:RU-PSK", "kind": "region", "name": "P"}).subject_kind == "oblast"
    )
    assert Region.model_validate({"id": "region:BY-HM", "kind": "region", "name": "M"}).subject_kind is None
    with pytest.raises(ValidationError, match="ISO 3166-2:RU says RU-PSK is of kind 'oblast'"):
        Region.model_validate({"id": "region:RU-PSK", "kind": "region", "name": "P", "subject_kind": "krai"})
    with pytest.raises(ValidationError, match="not a federal subject of Russia"):
        Region.model_validate({"id": "region:BY-HM", "kind": "region", "name": "M", "subject_kind": "oblast"})


def test_old_belarusian_roubles_are_money_and_other_withdrawn_codes_are_not() -> None:
    """Fines of before the July 2016 redenomination are quoted in BYR (the corpus guidelines); RUR is not."""
    assert Money.model_validate({"amount": "10500000", "currency": "BYR"}).currency == "BYR"
    with pytest.raises(ValidationError, match="'RUR' is not an ISO 4217 currency code"):
        Money.model_validate({"amount": "5", "currency": "RUR"})
