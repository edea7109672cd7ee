"""Scoring two events as one (graph/reports/matching.py) and deciding what to do, without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, get_args

import pytest
from pydantic import ValidationError

from graph.model.decisions import Decision
from graph.model.document import KINDS, Document
from graph.model.families import FAMILIES, family_of
from graph.reports.candidates import REVIEWS_PER_RECORD, decide
from graph.reports.decisions import Decisions, Proposal, apply_decisions
from graph.reports.matching import AgreementFacts, EventFacts, score
from graph.settings import Settings

ATTACH, REVIEW = 0.85, 0.5


def event(
    id: str = "event:a",
    kind: str = "ban",
    start: str = "2023-04-28",
    end: str | None = None,
    precision: str = "day",
    participants: tuple[str, ...] = ("country:MD", "person:vladimir-putin"),
    places: tuple[str, ...] = ("country:MD",),
) -> EventFacts:
    return EventFacts(
        id,
        kind,
        date.fromisoformat(start),
        date.fromisoformat(end or start),
        precision,
        frozenset(participants),
        frozenset(places),
    )


def test_the_moldova_ban_told_twice_is_one_event() -> None:
    match = score(event("event:incoming"), event("event:known"))
    assert match.score >= ATTACH
    assert "same kind: ban" in match.evidence
    assert "shared participants: country:MD, person:vladimir-putin" in match.evidence


def test_kinds_of_different_families_never_match() -> None:
    match = score(event(kind="statement"), event(kind="ban"))
    assert match.score == 0
    assert "never the same event" in match.evidence[0]


def test_a_visit_and_a_meeting_are_one_family_but_score_less_than_one_kind() -> None:
    visit = event(kind="visit", participants=("person:roman-golovchenko",), places=("region:RU-NVS",))
    meeting = event(kind="meeting", participants=("person:roman-golovchenko",), places=("region:RU-NVS",))
    same = score(
        visit, event(kind="visit", participants=("person:roman-golovchenko",), places=("region:RU-NVS",))
    )
    assert same.score == 1.0
    assert score(visit, meeting).score == pytest.approx(0.95)
    assert any("one family (encounter)" in line for line in score(visit, meeting).evidence)


def test_a_day_inside_a_month_is_weak_evidence_and_a_near_range_strong() -> None:
    day = event(kind="meeting", start="2023-01-19")
    month = event(kind="meeting", start="2023-01-01", end="2023-01-31", precision="month")
    assert REVIEW <= score(day, month).score < ATTACH
    trip = event(kind="visit", start="2023-04-26", end="2023-04-28", precision="range")
    longer = event(kind="visit", start="2023-04-26", end="2023-04-29", precision="range")
    assert score(trip, longer).score >= ATTACH


def test_day_dates_a_little_apart_may_be_one_event_far_apart_never() -> None:
    near = score(event(start="2023-04-28"), event(start="2023-04-29"))
    assert REVIEW <= near.score < ATTACH
    assert "dates 1 day apart" in near.evidence[1]
    assert score(event(start="2023-04-28"), event(start="2023-05-28")).score == 0
    month = event(start="2023-03-01", end="2023-03-31", precision="month")
    assert score(event(start="2023-04-01"), month).score == 0, "only day-precise dates are near"


def test_places_inside_one_another_are_compatible_apart_are_not() -> None:
    city = event(places=("city:novosibirsk",))
    region = event(places=("region:RU-NVS",))
    within = {"city:novosibirsk": ["region:RU-NVS", "country:RU"]}
    inside = score(city, region, within)
    assert "one place inside the other: city:novosibirsk in region:RU-NVS" in inside.evidence
    assert score(city, region).score < inside.score
    assert score(city, event(places=())).score > score(city, region).score


def test_no_shared_participant_weighs_against() -> None:
    other = event(participants=("person:someone-else",))
    assert score(event(), other).score < REVIEW


def test_statements_never_attach_on_their_own() -> None:
    one = event(kind="statement", participants=("person:alexander-lukashenka",), places=())
    match = score(
        one, event(id="event:b", kind="statement", participants=("person:alexander-lukashenka",), places=())
    )
    assert REVIEW <= match.score < ATTACH
    assert any("capped" in line for line in match.evidence)


def test_every_event_kind_has_one_family() -> None:
    listed = [kind for family in FAMILIES for kind in family.kinds]
    assert len(listed) == len(set(listed)), "a kind is in two families"
    assert set(KINDS["events"]) <= set(listed), "a new kind needs its family in graph/model/families.py"
    assert family_of("something-new").kinds == {"something-new"}


def test_decide_attaches_the_best_and_lists_the_uncertain() -> None:
    incoming = event("event:new")
    best = event("event:best")
    close = event("event:close", start="2023-04-29")
    far = event("event:far", participants=("person:nobody",), places=("country:UA",))
    proposals = decide(incoming, [close, far, best], {}, attach=ATTACH, review=REVIEW)
    assert [(p.action, p.fact) for p in proposals] == [("attach", "event:best"), ("review", "event:close")]
    assert decide(incoming, [far], {}, attach=ATTACH, review=REVIEW) == [
        Proposal("event:new", "create", None, 0.0, [])
    ]


def test_a_record_with_many_candidates_lists_only_its_likeliest_for_review() -> None:
    """A busy minister's meeting shares him with every meeting of his day: the analyst is shown the
    REVIEWS_PER_RECORD best scored pairs, best first, and the best that scores high enough still attaches."""
    incoming = event("event:new", kind="meeting", participants=("person:minister", "person:guest"), places=())
    same_day = [
        event(
            f"event:same-day-{n}", kind="meeting", participants=("person:minister", f"person:{n}"), places=()
        )
        for n in range(8)
    ]
    day_before = [
        event(f"event:day-before-{n}", kind="meeting", start="2023-04-27",
              participants=("person:minister", f"person:{n}"), places=())
        for n in range(4)
    ]  # fmt: skip
    proposals = decide(incoming, day_before + same_day, {}, attach=ATTACH, review=REVIEW)
    assert [p.fact for p in proposals] == [f"event:same-day-{n}" for n in range(REVIEWS_PER_RECORD)]
    assert {p.action for p in proposals} == {"review"}
    twin = event("event:twin", kind="meeting", participants=("person:minister", "person:guest"), places=())
    with_twin = decide(incoming, [*same_day, twin], {}, attach=ATTACH, review=REVIEW)
    assert [(p.action, p.fact) for p in with_twin][:2] == [
        ("attach", "event:twin"),
        ("review", "event:same-day-0"),
    ]
    assert len(with_twin) == 1 + REVIEWS_PER_RECORD


def test_decisions_beat_scores() -> None:
    decisions = Decisions.gather(
        [],
        [
            Decision(same_as=["event:known", "event:declared"]),
            Decision(not_same_as=["event:best", "event:new"]),
        ],
    )
    proposals = [
        Proposal("event:new", "attach", "event:best", 0.99, []),
        Proposal("event:new", "review", "event:close", 0.6, []),
        Proposal("event:declared", "create", None, 0.0, []),
    ]
    applied = apply_decisions(decisions, proposals)
    assert [(p.incoming, p.action, p.fact) for p in applied] == [
        ("event:new", "review", "event:close"),
        ("event:declared", "attach", "event:known"),
    ]
    assert decisions.never("event:new", "event:best") and decisions.never("event:best", "event:new")


def test_same_as_chains_lead_to_one_fact_and_conflicts_are_found() -> None:
    decisions = Decisions()
    decisions.add("same", "event:a", "event:b")
    decisions.add("same", "event:b", "event:c")
    assert decisions.fact_of("event:c") == "event:a"
    assert decisions.conflicts() == []
    decisions.add("different", "event:a", "event:c")
    assert decisions.conflicts() == [("event:a", "event:c")]


def _event_record(**extra: Any) -> dict[str, Any]:
    return {
        "id": "event:2023-04-28-moldova-bars-putin-entry",
        "kind": "ban",
        "title": "Moldova bars Putin",
        "date": "2023-04-28",
        "evidence": [{"quote": "q", "source": "source:x"}],
        **extra,
    }


def test_records_and_files_carry_decisions() -> None:
    document = Document.model_validate(
        {
            "events": [_event_record(same_as="event:2023-04-28-putin-banned-from-moldova")],
            "decisions": [{"not_same_as": ["event:a", "event:b"]}],
        }
    )
    record = document.events[0]
    assert get_args(type(record).model_fields["same_as"].annotation)
    assert Decisions.gather(document.events, document.decisions).fact_of(record.id) == record.same_as
    fields = [reference.field for reference in record.references()]
    assert "same_as" in fields, "the loader checks the id exists like any other reference"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"same_as": "agreement:x"}, "not a well-formed id"),
        ({"same_as": "event:2023-04-28-moldova-bars-putin-entry"}, "the record itself"),
        ({"same_as": "event:x", "not_same_as": ["event:x"]}, "both same_as and not_same_as"),
    ],
)
def test_a_record_decision_names_another_record_of_its_section(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Document.model_validate({"events": [_event_record(**extra)]})


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ({"same_as": ["event:a"]}, "exactly two ids"),
        ({"same_as": ["event:a", "agreement:b"]}, "different sections"),
        ({"same_as": ["event:a", "event:b"], "not_same_as": ["event:a", "event:c"]}, "either"),
        ({"not_same_as": ["event:a", "event:a"]}, "twice"),
        ({"same_as": ["person:a", "person:b"]}, "actors are not merged"),
        ({"not_same_as": ["person:a", "source:b"]}, "not a well-formed id"),
    ],
)
def test_bad_decisions_are_refused(decision: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Decision.model_validate(decision)


def test_review_threshold_may_not_exceed_attach() -> None:
    with pytest.raises(ValidationError, match="KG_MATCH_REVIEW"):
        Settings(match_attach=0.5, match_review=0.6)


def agreement(
    id: str = "agreement:a",
    amount: str | None = "13000000",
    start: str | None = "2023-04-26",
    end: str | None = None,
    parties: tuple[str, ...] = ("person:roman-golovchenko",),
    produced_by: tuple[str, ...] = ("event:signing",),
    currency: str = "USD",
) -> AgreementFacts:
    return AgreementFacts(
        id,
        "contract",
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end or start) if start else None,
        "day" if not end else "range",
        frozenset(parties),
        frozenset(produced_by),
        Decimal(amount) if amount else None,
        currency if amount else None,
        float(amount) if amount and currency == "USD" else None,
    )


def test_one_contract_given_two_values_by_two_sources_attaches() -> None:
    found = score(agreement("agreement:b", "12500000", end="2023-04-27"), agreement())

    assert found.score >= ATTACH
    assert "produced by the same signing: event:signing" in found.evidence
    assert "values close: USD 12,500,000 and 13,000,000 (96%)" in found.evidence


def test_agreements_worth_twice_as_much_or_signed_apart_are_not_one() -> None:
    assert score(agreement("agreement:b", "5000000"), agreement()).score < REVIEW
    assert (
        score(agreement("agreement:b", produced_by=("event:other",), start="2023-06-01"), agreement()).score
        == 0
    )
    assert (
        score(agreement("agreement:b", start=None, amount=None, produced_by=()), agreement()).score < ATTACH
    )


def test_an_event_and_an_agreement_are_never_one_fact() -> None:
    assert score(agreement(), event()).score == 0
