"""Meetings told once (issue 13): a meeting named again in its paragraph, a gathering someone took part
in, a gathering that will be held. Sentences of our own, in English and Russian, never a corpus text."""

from __future__ import annotations

import pytest

from graph.ingest.candidates import Candidate
from graph.ingest.pipeline import ingest
from tests.ingest.conftest import FIXTURE_SEED, THURSDAY, WriteDigest

LUKASHENKA = "person:alexander-lukashenka"


def meetings(write_digest: WriteDigest, text: str) -> list[Candidate]:
    found = ingest(write_digest(text), FIXTURE_SEED, published=THURSDAY).candidates
    return [c for c in found if c.kind == "meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday Lukashenka held a meeting on the harvest. The meeting was attended by Prime Minister "
        "Ivan Petrov and the heads of the regions.",
        "Во вторник Лукашенко провел совещание по уборочной кампании. В совещании приняли участие "
        "премьер-министр Иван Петров и председатели облисполкомов.",
    ],
)
def test_a_meeting_named_again_with_who_else_was_there_is_one_meeting(
    write_digest: WriteDigest, text: str
) -> None:
    [meeting] = meetings(write_digest, text)
    assert LUKASHENKA in {a.id for a in meeting.actors} and len(meeting.evidence) == 2


def test_a_meeting_named_with_its_own_counterpart_is_another_meeting(write_digest: WriteDigest) -> None:
    text = (
        "On Tuesday Lukashenka met Putin in Sochi. On Wednesday, the meeting with Tokayev took place "
        "in Astana."
    )
    assert len(meetings(write_digest, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Заседание Совета министров Союзного государства пройдет в Минске в июне.",
        "Форум регионов Беларуси и России откроется в Гродно в конце июня.",
    ],
)
def test_a_gathering_that_will_be_held_is_no_meeting_yet(write_digest: WriteDigest, text: str) -> None:
    assert meetings(write_digest, text) == []


def test_a_gathering_that_was_held_is_a_meeting(write_digest: WriteDigest) -> None:
    text = "Заседание Совета министров Союзного государства прошло в Минске во вторник."
    assert len(meetings(write_digest, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Lukashenka said that agreements had been reached at his talks with Putin in Sochi.",
        "On Tuesday, Lukashenka said he had agreed with Putin during their talks in Sochi to build a plant.",
        "Lukashenka said on Tuesday that the talks with Putin had gone well.",
        "Лукашенко во вторник заявил, что на встрече с Путиным в Сочи были достигнуты важные договоренности.",
        "Лукашенко во вторник сообщил, что в ходе недавних переговоров с Путиным договорились о газе.",
    ],
)
def test_a_meeting_a_speaker_recalls_without_its_day_is_no_meeting(
    write_digest: WriteDigest, text: str
) -> None:
    assert meetings(write_digest, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday Lukashenka met Putin in Sochi and said that the talks had been useful.",
        "Во вторник Лукашенко встретился с Путиным в Сочи и заявил, что переговоры были полезными.",
    ],
)
def test_a_meeting_the_text_reports_beside_what_was_said_is_a_meeting(
    write_digest: WriteDigest, text: str
) -> None:
    [meeting] = meetings(write_digest, text)
    assert str(meeting.date) == "2024-05-14"


@pytest.mark.parametrize(
    "text",
    [
        "A meeting between Lukashenka and Putin is set for June.",
        "Встреча Лукашенко и Путина может состояться в июне.",
        "The Kremlin did not rule out a meeting between the two leaders.",
        "The possibility of a meeting between Lukashenka and Putin was discussed in the press.",
    ],
)
def test_a_meeting_that_may_come_is_no_meeting(write_digest: WriteDigest, text: str) -> None:
    assert meetings(write_digest, text) == []


def test_a_visit_not_yet_agreed_is_no_visit(write_digest: WriteDigest) -> None:
    found = ingest(write_digest("Визит Путина в Минск пока не согласован."), FIXTURE_SEED, published=THURSDAY)
    assert [c for c in found.candidates if c.kind == "visit"] == []


@pytest.mark.parametrize(
    "text",
    [
        "За последний год Лукашенко провел с Путиным более десяти встреч.",
        "Since 2020 Lukashenka has held 30 meetings with Putin.",
    ],
)
def test_a_count_of_meetings_is_no_meeting(write_digest: WriteDigest, text: str) -> None:
    assert meetings(write_digest, text) == []


def test_a_meeting_that_took_place_is_still_one(write_digest: WriteDigest) -> None:
    text = "Встреча Лукашенко и Путина состоялась во вторник в Сочи и продлилась пять часов."
    assert len(meetings(write_digest, text)) == 1
