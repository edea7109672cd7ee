"""The model on its own: what a single record may say, before any other record is looked at."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from graph.model import Actor, Agreement, DateSpan, Document, Event, Money, Office, Region, Target

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
