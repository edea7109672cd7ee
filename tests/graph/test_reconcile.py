"""Several sources report one fact: the rule that makes one fact of their reports (no database involved)."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.model import DateSpan, Document, Money, Participant
from graph.model.base import Record
from graph.reports import Reconciled, Report, SourcedValue, reconcile

ROOT = Path(__file__).parents[2]
REPORTS = ROOT / "tests" / "fixtures" / "reports"
MONDAY = datetime(2023, 5, 1, 9, 0, tzinfo=UTC)


def loaded(hours: int) -> datetime:
    return MONDAY + timedelta(hours=hours)


def span(value: Any) -> DateSpan:
    return DateSpan.model_validate(value)


def usd(amount: str) -> Money:
    return Money(amount=Decimal(amount), currency="USD")


def report(source: str, hours: int, **fields: Any) -> Report:
    return Report(source=f"source:{source}", loaded_at=loaded(hours), fields=fields)


def golovchenko(role: str = "head_of_delegation") -> Participant:
    return Participant(actor="person:roman-golovchenko", role=role)


def test_a_fact_with_one_report_is_what_that_report_says() -> None:
    fields = {
        "kind": "visit",
        "title": "Working visit to three Russian regions",
        "summary": None,
        "date": span({"start": "2023-04-26", "end": "2023-04-28"}),
        "participants": [golovchenko()],
        "places": ["region:RU-NVS", "region:RU-IRK", "region:RU-SVE"],
        "part_of": None,
    }

    fact = reconcile([report("bif", 0, **fields)])

    assert fact.fields == fields
    assert fact.disputes == ()
    assert fact.sources == ("source:bif",)
    assert fact.source_count == 1
    assert fact.first_reported_at == fact.last_reported_at == loaded(0)


def test_sources_that_agree_make_one_fact_with_no_dispute() -> None:
    said = {"kind": "contract", "status": "signed", "value": usd("13000000"), "date": span("2023-04-26")}

    fact = reconcile([report("bif", 0, **said), report("povestka", 5, **said)])

    assert fact.fields == said
    assert fact.disputes == ()
    assert fact.sources == ("source:bif", "source:povestka")


def test_overlapping_dates_narrow_to_what_every_report_allows() -> None:
    trip = report("bif", 0, date=span({"start": "2023-04-26", "end": "2023-04-28"}))
    longer_trip = report("povestka", 1, date=span({"start": "2023-04-26", "end": "2023-04-29"}))
    day = report("ledger", 2, date=span("2023-04-27"))

    assert reconcile([trip, longer_trip]).fields["date"] == span({"start": "2023-04-26", "end": "2023-04-28"})
    narrowed = reconcile([trip, longer_trip, day])
    assert narrowed.fields["date"] == span("2023-04-27")
    assert narrowed.fields["date"].precision == "day"
    assert narrowed.disputes == ()


def test_a_month_inside_a_year_is_that_month_and_a_new_intersection_is_a_range() -> None:
    year = report("a", 0, date=span("2023"))
    month = report("b", 1, date=span("2023-04"))
    late_april = report("c", 2, date=span({"start": "2023-04-20", "end": "2023-05-10"}))

    assert reconcile([year, month]).fields["date"] == span("2023-04")
    assert reconcile([year, month, late_april]).fields["date"] == DateSpan(
        start=date(2023, 4, 20), end=date(2023, 4, 30), precision="range"
    )


def test_dates_that_do_not_overlap_are_disputed_and_the_fact_spans_them_all() -> None:
    bif = report("bif", 0, date=span({"start": "2023-04-26", "end": "2023-04-28"}))
    ledger = report("ledger", 1, date=span("2023-04-28"))
    povestka = report("povestka", 2, date=span("2023-04-29"))

    fact = reconcile([bif, ledger, povestka])

    assert fact.fields["date"] == DateSpan(start=date(2023, 4, 26), end=date(2023, 4, 29), precision="range")
    dispute = fact.dispute("date")
    assert dispute is not None
    assert dispute.values == (
        SourcedValue(span({"start": "2023-04-26", "end": "2023-04-28"}), ("source:bif",)),
        SourcedValue(span("2023-04-28"), ("source:ledger",)),
        SourcedValue(span("2023-04-29"), ("source:povestka",)),
    )


def test_a_disputed_date_lists_the_span_most_sources_give_first() -> None:
    first = report("a", 0, date=span("2023-05-08"))
    second = report("b", 1, date=span("2023-05-09"))
    third = report("c", 2, date=span("2023-05-09"))

    dispute = reconcile([first, second, third]).dispute("date")

    assert dispute is not None
    assert [value.sources for value in dispute.values] == [("source:b", "source:c"), ("source:a",)]


def test_a_disputed_value_shows_what_most_sources_say_and_lists_every_value() -> None:
    bif = report("bif", 0, value=usd("13000000"))
    ledger = report("ledger", 1, value=usd("12500000"))
    povestka = report("povestka", 2, value=usd("13000000"))

    fact = reconcile([bif, ledger, povestka])

    assert fact.fields["value"] == usd("13000000")
    dispute = fact.dispute("value")
    assert dispute is not None
    assert fact.disputes == (dispute,)
    assert dispute.values == (
        SourcedValue(usd("13000000"), ("source:bif", "source:povestka")),
        SourcedValue(usd("12500000"), ("source:ledger",)),
    )


def test_a_tie_goes_to_the_earliest_loaded_report() -> None:
    later = report("aaa-later", 5, title="Golovchenko tours Siberia", status="signed")
    earlier = report("zzz-earlier", 1, title="Working visit to three Russian regions", status="announced")

    fact = reconcile([later, earlier])

    assert fact.fields["title"] == "Working visit to three Russian regions"
    assert fact.fields["status"] == "announced"
    assert {dispute.field for dispute in fact.disputes} == {"title", "status"}


def test_reports_loaded_at_the_same_moment_are_ordered_by_source() -> None:
    fact = reconcile([report("b", 0, status="signed"), report("a", 0, status="announced")])

    assert fact.fields["status"] == "announced"
    assert fact.sources == ("source:a", "source:b")


def test_saying_nothing_is_not_disagreeing() -> None:
    bif = report("bif", 0, summary=None, start=None, participants=[])
    ledger = report(
        "ledger", 1, summary="Talks on machinery.", start=span("2018"), participants=[golovchenko()]
    )

    fact = reconcile([bif, ledger])

    assert fact.fields == {
        "summary": "Talks on machinery.",
        "start": span("2018"),
        "participants": [golovchenko()],
    }
    assert fact.disputes == ()


def test_text_differing_only_in_white_space_is_the_same_text() -> None:
    fact = reconcile(
        [
            report("a", 0, title="Contracts  signed\nin Novosibirsk"),
            report("b", 1, title="Contracts signed in Novosibirsk"),
        ]
    )

    assert fact.fields["title"] == "Contracts  signed\nin Novosibirsk"
    assert fact.disputes == ()


def test_participants_and_places_are_the_union_and_remember_who_asserts_them() -> None:
    putin = Participant(actor="person:vladimir-putin", role="host")
    lukashenka = Participant(actor="person:alexander-lukashenka", role="visitor")
    bif = report("bif", 0, participants=[lukashenka], places=["region:RU-MOW"])
    briefing = report(
        "briefing", 1, participants=[lukashenka, putin], places=["region:RU-MOW", "region:RU-MOS"]
    )

    fact = reconcile([briefing, bif])

    assert fact.fields["participants"] == [lukashenka, putin]
    assert fact.fields["places"] == ["region:RU-MOW", "region:RU-MOS"]
    assert fact.links["participants"] == (
        SourcedValue(lukashenka, ("source:bif", "source:briefing")),
        SourcedValue(putin, ("source:briefing",)),
    )
    assert fact.links["places"][1] == SourcedValue("region:RU-MOS", ("source:briefing",))
    assert fact.disputes == ()


def test_one_actor_in_two_roles_is_two_links() -> None:
    fact = reconcile(
        [
            report("a", 0, participants=[golovchenko()]),
            report("b", 1, participants=[golovchenko("participant")]),
        ]
    )

    assert fact.fields["participants"] == [golovchenko(), golovchenko("participant")]


def test_money_in_different_currencies_is_compared_in_usd_where_a_rate_is_given() -> None:
    dollars = usd("13000000")
    roubles = Money.model_validate(
        {
            "amount": "1040000000",
            "currency": "RUB",
            "usd": {"amount": "13000000", "rate": "0.0125", "rate_date": "2023-04-28"},
        }
    )
    roubles_without_rate = Money(amount=Decimal("1040000000"), currency="RUB")

    agreed = reconcile([report("a", 0, value=roubles), report("b", 1, value=dollars)])
    assert agreed.fields["value"] == roubles
    assert agreed.disputes == ()

    unknown = reconcile([report("a", 0, value=dollars), report("b", 1, value=roubles_without_rate)])
    assert unknown.fields["value"] == dollars
    assert unknown.dispute("value") is not None


def test_usd_values_within_one_percent_agree_across_currencies_but_not_within_one() -> None:
    euros = Money.model_validate(
        {
            "amount": "12000000",
            "currency": "EUR",
            "usd": {"amount": "13080000", "rate": "1.09", "rate_date": "2023-04-28"},
        }
    )
    near = reconcile([report("a", 0, value=usd("13000000")), report("b", 1, value=euros)])
    assert near.disputes == ()

    same_currency = reconcile([report("a", 0, value=usd("13000000")), report("b", 1, value=usd("13050000"))])
    assert same_currency.dispute("value") is not None


def test_the_order_reports_arrive_in_does_not_matter() -> None:
    reports = [
        report(
            "bif",
            0,
            title="Visit",
            date=span({"start": "2023-04-26", "end": "2023-04-28"}),
            value=usd("13000000"),
            participants=[golovchenko()],
            places=["region:RU-SVE"],
        ),
        report(
            "ledger",
            1,
            title="Tour",
            date=span("2023-04-28"),
            value=usd("12500000"),
            participants=[golovchenko("participant")],
            places=["region:RU-SVE"],
        ),
        report(
            "povestka",
            2,
            title="Tour",
            date=span("2023-04-29"),
            value=usd("12500000"),
            participants=[golovchenko()],
            places=["region:RU-SVE", "country:RU"],
        ),
        report("briefing", 2, title="Visit", date=span("2023-04"), value=usd("13000000"), participants=[]),
    ]

    results = [reconcile(order) for order in itertools.permutations(reports)]

    assert all(result == results[0] for result in results)
    assert results[0].fields["title"] == "Visit"  # two against two: bif was loaded first
    assert results[0].fields["value"] == usd("13000000")


def test_the_rule_holds_for_many_random_sets_of_reports() -> None:
    chooser = random.Random(20230426)
    for _ in range(300):
        reports = [
            _random_report(chooser, f"s{index}", chooser.randrange(4))
            for index in range(chooser.randint(1, 5))
        ]
        orders = [reports, list(reversed(reports)), chooser.sample(reports, len(reports))]
        results = [reconcile(order) for order in orders]
        assert results[1] == results[0] and results[2] == results[0]
        _check_invariants(reports, results[0])


def _random_report(chooser: random.Random, source: str, hours: int) -> Report:
    first = date(2023, 4, 20) + timedelta(days=chooser.randrange(10))
    last = first + timedelta(days=chooser.randrange(4))
    fields: dict[str, Any] = {
        "date": DateSpan(start=first, end=last, precision="day" if first == last else "range"),
        "status": chooser.choice(["signed", "announced", None]),
        "value": chooser.choice([usd("13000000"), usd("12500000"), None]),
        "places": chooser.sample(["region:RU-NVS", "region:RU-IRK", "region:RU-SVE"], chooser.randrange(3)),
    }
    return Report(source=f"source:{source}", loaded_at=loaded(hours), fields=fields)


def _check_invariants(reports: list[Report], fact: Reconciled) -> None:
    spans = [each.fields["date"] for each in reports]
    shown = fact.fields["date"]
    if fact.dispute("date") is None:
        assert all(each.start <= shown.start and shown.end <= each.end for each in spans)
    else:
        assert shown.start == min(each.start for each in spans) and shown.end == max(
            each.end for each in spans
        )
    for name in ("status", "value"):
        counts: dict[Any, int] = {}
        for each in reports:
            if each.fields[name] is not None:
                counts[each.fields[name]] = counts.get(each.fields[name], 0) + 1
        if counts:
            assert counts[fact.fields[name]] == max(counts.values())
        assert (fact.dispute(name) is not None) == (len(counts) > 1)
    asserted = {place for each in reports for place in each.fields["places"]}
    assert set(fact.fields["places"]) == asserted
    assert fact.source_count == len(reports)


def test_a_fact_needs_reports_from_distinct_sources_loaded_at_a_known_time() -> None:
    with pytest.raises(ValueError, match="at least one report"):
        reconcile([])
    with pytest.raises(ValueError, match="source:bif"):
        reconcile([report("bif", 0, title="a"), report("bif", 1, title="b")])
    with pytest.raises(ValueError, match="time zone"):
        Report(source="source:bif", loaded_at=datetime(2023, 5, 1), fields={})


def test_values_of_different_types_for_one_field_are_refused() -> None:
    with pytest.raises(TypeError, match="'date'"):
        reconcile([report("a", 0, date=span("2023-04-28")), report("b", 1, date="2023-04-28")])
    with pytest.raises(TypeError, match="'places'"):
        reconcile([report("a", 0, places=["region:RU-NVS"]), report("b", 1, places="region:RU-NVS")])


# The fixtures of tests/fixtures/reports, read with the model, reconciled with the shared digest's records.

SEED = ROOT / "seed_data"
BIF = SEED / "2023-04-24_peace-loving-region.yaml"
LEDGER = REPORTS / "2023-04-24_siberian-ledger.yaml"
POVESTKA = REPORTS / "2023-04-24_soyuznaya-povestka.yaml"
VICTORY_DAY = SEED / "2023-05-05_lukashenka-victory-day-parade-moscow.yaml"
BRIEFING = REPORTS / "2023-05-08_eastern-flank-briefing.yaml"


def reports_of(fact_id: str, *files: Path, record_id: str | None = None) -> list[Report]:
    """The record `fact_id` (or, in the later files, `record_id`) of each file, loaded an hour apart."""
    found = []
    for hours, path in enumerate(files):
        document = Document.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert document.source is not None
        records: list[Record] = [*document.events, *document.agreements, *document.offices, *document.claims]
        wanted = fact_id if hours == 0 or record_id is None else record_id
        record = next(each for each in records if getattr(each, "id", None) == wanted)
        found.append(Report.of(record, document.source.id, loaded(hours)))
    return found


def test_the_novosibirsk_contracts_as_three_outlets_report_them() -> None:
    fact = reconcile(reports_of("agreement:2023-04-novosibirsk-contracts", BIF, LEDGER, POVESTKA))

    assert fact.fields["value"] == usd("13000000")
    assert fact.fields["date"] == span("2023-04-26")
    dispute = fact.dispute("value")
    assert dispute is not None
    assert [(value.value.amount, value.sources) for value in dispute.values] == [
        (
            Decimal("13000000"),
            ("source:bif-2023-04-24-peace-loving-region", "source:fixture-soyuznaya-povestka-2023-04-24"),
        ),
        (Decimal("12500000"), ("source:fixture-siberian-ledger-2023-04-24",)),
    ]
    assert fact.source_count == 3


def test_the_sverdlovsk_leg_is_dated_differently_by_the_russian_weekly() -> None:
    leg = reconcile(reports_of("event:2023-04-26-golovchenko-sverdlovsk-visit", BIF, LEDGER, POVESTKA))
    trip = reconcile(reports_of("event:2023-04-26-golovchenko-russian-regions-visit", BIF, LEDGER, POVESTKA))

    assert leg.fields["date"] == DateSpan(start=date(2023, 4, 26), end=date(2023, 4, 29), precision="range")
    assert leg.dispute("date") is not None
    assert trip.fields["date"] == span({"start": "2023-04-26", "end": "2023-04-28"})
    assert trip.dispute("date") is None


def test_the_victory_day_trip_reported_under_another_id_gains_putin_as_host() -> None:
    reports = reports_of(
        "event:2023-05-08-lukashenka-moscow-victory-day-parade-visit",
        VICTORY_DAY,
        BRIEFING,
        record_id="event:2023-05-08-lukashenka-victory-day-trip-to-moscow",
    )

    fact = reconcile(reports)

    assert fact.fields["date"] == span({"start": "2023-05-08", "end": "2023-05-09"})
    assert fact.fields["participants"] == [
        Participant(actor="person:alexander-lukashenka", role="visitor"),
        Participant(actor="person:vladimir-putin", role="host"),
    ]
    assert {dispute.field for dispute in fact.disputes} == {"title", "summary"}
