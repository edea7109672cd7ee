"""Meetings only mentioned (issue 13): planned, recalled, in passing, or one meeting told twice. Each on
short sentences of our own, in English and Russian, never on a corpus text."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from tests.ingest.conftest import WriteDigest, events

LUKASHENKA = "person:alexander-lukashenka"
PUTIN = "person:vladimir-putin"


def meetings(write_digest: WriteDigest, text: str) -> list[Candidate]:
    return [c for c in events(write_digest, text) if c.kind == "meeting"]


# Meetings to come


def test_a_russian_verb_in_the_future_is_a_plan(write_digest: WriteDigest) -> None:
    for text in (
        "Лукашенко и Путин встретятся в Сочи в пятницу.",
        "В пятницу Лукашенко и Путин проведут переговоры в Сочи.",
        "Лукашенко посетит Москву в июне.",
    ):
        assert [c for c in events(write_digest, text) if c.kind in {"meeting", "visit"}] == [], text


def test_a_russian_infinitive_after_an_agreement_is_a_plan(write_digest: WriteDigest) -> None:
    for text in (
        "Лукашенко и Путин договорились встретиться в июне.",
        "Лукашенко и Путин договорились провести переговоры в Минске.",
    ):
        assert meetings(write_digest, text) == [], text


def test_a_meeting_scheduled_in_russian_without_a_copula_is_a_plan(write_digest: WriteDigest) -> None:
    assert meetings(write_digest, "Встреча Лукашенко и Путина запланирована на июнь.") == []


def test_talks_a_planned_trip_is_for_and_talks_prepared_are_plans(write_digest: WriteDigest) -> None:
    for text in (
        "Lukashenka has invited Putin to visit Minsk for talks.",
        "Lukashenka and Putin are preparing for talks in Minsk.",
    ):
        assert [c for c in events(write_digest, text) if c.kind in {"meeting", "visit"}] == [], text


def test_talks_a_trip_that_happened_was_for_are_a_meeting(write_digest: WriteDigest) -> None:
    [meeting] = meetings(write_digest, "Lukashenka arrived in Sochi on Monday for talks with Putin.")
    assert {LUKASHENKA, PUTIN} <= {a.id for a in meeting.actors}


def test_the_past_in_russian_is_still_a_meeting(write_digest: WriteDigest) -> None:
    assert len(meetings(write_digest, "Лукашенко и Путин встретились в Сочи в понедельник.")) == 1


# Meetings recalled or in passing


def test_a_meeting_last_held_is_recalled_not_reported(write_digest: WriteDigest) -> None:
    for text in (
        "The two presidents last met in Sochi in February.",
        "Lukashenka and Putin last met at the summit in Astana in July.",
        "В ходе предыдущей встречи с Путиным Лукашенко обсуждал цены на газ.",
        "Lukashenka recalled that he had met Putin in Sochi in 2021.",
        "Since their meeting in Sochi in June, relations between Lukashenka and Putin have improved.",
    ):
        assert meetings(write_digest, text) == [], text


def test_talks_someone_had_are_a_meeting(write_digest: WriteDigest) -> None:
    assert len(meetings(write_digest, "Lukashenka had talks with Putin in Sochi on Monday.")) == 1


def test_parties_in_talks_are_in_a_process(write_digest: WriteDigest) -> None:
    assert meetings(write_digest, "Belarus and Russia are in talks on a new loan.") == []


def test_a_press_conference_is_no_meeting(write_digest: WriteDigest) -> None:
    found = events(
        write_digest, "At a press conference on Monday, Lukashenka said that the border stays open."
    )
    assert [c.kind for c in found] == ["statement"]


def test_summoned_for_questioning_is_no_meeting(write_digest: WriteDigest) -> None:
    assert meetings(write_digest, "The journalist was summoned for questioning by the KGB on Monday.") == []


def test_a_habit_in_a_language_read_shallowly_is_no_meeting(write_digest: WriteDigest) -> None:
    assert events(write_digest, "Putin und Lukaschenko treffen sich regelmäßig in Sotschi.") == []


# One meeting, not two


def test_what_was_discussed_is_a_topic_not_a_participant(write_digest: WriteDigest) -> None:
    text = "Lukashenka and Putin met in Sochi on Monday. They discussed gas prices and the Union State."
    [meeting] = meetings(write_digest, text)
    assert {a.id for a in meeting.actors} == {LUKASHENKA, PUTIN}


def test_the_one_discussed_with_took_part(write_digest: WriteDigest) -> None:
    for text in (
        "Lukashenka discussed energy prices with Putin on Monday.",
        "В понедельник цены на газ обсудили Лукашенко и Путин.",
    ):
        [meeting] = meetings(write_digest, text)
        assert {a.id for a in meeting.actors} == {LUKASHENKA, PUTIN}, text


def test_a_later_paragraph_that_names_nobody_tells_the_same_meeting(write_digest: WriteDigest) -> None:
    text = (
        "Lukashenka and Putin held talks in Sochi on Monday.\n\n"
        "Putin said that Russia would give Belarus a new loan.\n\n"
        "The presidents also discussed the situation in the region."
    )
    [meeting] = meetings(write_digest, text)
    assert len(meeting.evidence) == 2


def test_a_counterpart_after_with_is_not_followed_by_the_subject(write_digest: WriteDigest) -> None:
    text = "После переговоров с Путиным Лукашенко заявил, что стороны договорились о ценах на газ."
    [meeting] = meetings(write_digest, text)
    assert {a.id for a in meeting.actors} == {LUKASHENKA, PUTIN}


def test_a_decision_taken_is_no_guest_received(write_digest: WriteDigest) -> None:
    text = "Лукашенко принял решение назначить Ивана Петрова министром экономики."
    assert meetings(write_digest, text) == []
    assert [c.kind for c in events(write_digest, text)] == ["appointment"]


def test_a_meeting_still_ahead_is_none(write_digest: WriteDigest) -> None:
    text = "Lukashenka spoke to journalists ahead of his meeting with Putin in Sochi on Monday."
    assert meetings(write_digest, text) == []
