"""An analyst ingests an English digest and gets candidate events with dates, actors, places and money."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from graph.ingest.pipeline import ingest
from tests.ingest.conftest import FIXTURE_SEED, FIXTURES, WriteDigest

DIGEST = (FIXTURES / "en_story.txt").read_text(encoding="utf-8")


def candidates(write_digest: WriteDigest) -> list[Candidate]:
    return ingest(write_digest(DIGEST), FIXTURE_SEED).candidates


def by_kind(found: list[Candidate], kind: str) -> Candidate:
    [candidate] = [c for c in found if c.kind == kind]
    return candidate


def test_a_delegation_visit_with_a_date_range_and_a_proposed_leader(write_digest: WriteDigest) -> None:
    visit = by_kind(candidates(write_digest), "visit")
    assert str(visit.date) == "2022-03-07/2022-03-09"
    assert [p.id for p in visit.places] == ["region:RU-KLU"]
    leader = next(a for a in visit.actors if a.kind == "person")
    assert (leader.name, leader.known) == ("Piotr Parkhomchik", False)
    assert any("Piotr Parkhomchik" in note for note in visit.review)


def test_contracts_take_the_date_of_the_visit_and_carry_their_value(write_digest: WriteDigest) -> None:
    signing = by_kind(candidates(write_digest), "contract_signing")
    assert signing.money is not None
    assert (str(signing.money.amount), signing.money.currency) == ("40000000", "USD")
    assert str(signing.date) == "2022-03-07/2022-03-09" and not signing.date_stated


def test_a_meeting_in_moscow_is_in_the_city_not_with_the_kremlin(write_digest: WriteDigest) -> None:
    meeting = by_kind(candidates(write_digest), "meeting")
    assert str(meeting.date) == "2022-03-10"
    assert {a.id for a in meeting.actors} == {"person:alexander-lukashenka", "person:vladimir-putin"}
    assert [(p.name, p.kind) for p in meeting.places] == [("Moscow", "city")]


def test_he_said_a_day_later(write_digest: WriteDigest) -> None:
    statement = by_kind(candidates(write_digest), "statement")
    assert [a.id for a in statement.actors] == ["person:vladimir-putin"]
    assert str(statement.date) == "2022-03-11"
    assert statement.content == "only make us stronger"


def test_a_ban_by_a_country(write_digest: WriteDigest) -> None:
    ban = by_kind(candidates(write_digest), "ban")
    assert [a.id for a in ban.actors] == ["country:LT"] and str(ban.date) == "2022-03-11"


def test_every_quote_is_the_exact_text_at_its_offsets(write_digest: WriteDigest) -> None:
    for candidate in candidates(write_digest):
        for evidence in candidate.evidence:
            assert DIGEST[evidence.span.start : evidence.span.end] == evidence.quote
