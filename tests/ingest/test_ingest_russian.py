"""A Russian digest: names through pymorphy3 and natasha, dates and money in Russian words."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from graph.ingest.pipeline import ingest
from tests.ingest.conftest import FIXTURE_SEED, FIXTURES, WriteDigest

DIGEST = (FIXTURES / "ru_story.txt").read_text(encoding="utf-8")


def candidates(write_digest: WriteDigest) -> list[Candidate]:
    return ingest(write_digest(DIGEST), FIXTURE_SEED).candidates


def by_kind(found: list[Candidate], kind: str) -> Candidate:
    [candidate] = [c for c in found if c.kind == kind]
    return candidate


def test_the_visit_of_a_delegation_with_an_unknown_leader(write_digest: WriteDigest) -> None:
    visit = by_kind(candidates(write_digest), "visit")
    assert str(visit.date) == "2022-03-07/2022-03-09"
    assert [p.id for p in visit.places] == ["region:RU-KLU"]
    leader = next(a for a in visit.actors if not a.known)
    assert (leader.name, leader.kind) == ("Петр Пархомчик", "person")


def test_contracts_in_russian_words(write_digest: WriteDigest) -> None:
    signing = by_kind(candidates(write_digest), "contract_signing")
    assert signing.money is not None and str(signing.money.amount) == "40000000"
    assert str(signing.date) == "2022-03-07/2022-03-09"


def test_talks_in_moscow_and_a_statement_a_day_later(write_digest: WriteDigest) -> None:
    found = candidates(write_digest)
    meeting, statement = by_kind(found, "meeting"), by_kind(found, "statement")
    assert {a.id for a in meeting.actors} == {"person:alexander-lukashenka", "person:vladimir-putin"}
    assert str(meeting.date) == "2022-03-10" and [p.kind for p in meeting.places] == ["city"]
    assert [a.id for a in statement.actors] == ["person:vladimir-putin"]
    assert str(statement.date) == "2022-03-11" and statement.content == "только укрепляют нас"


def test_a_ban_in_russian(write_digest: WriteDigest) -> None:
    ban = by_kind(candidates(write_digest), "ban")
    assert [a.id for a in ban.actors] == ["country:LT"] and str(ban.date) == "2022-03-11"
