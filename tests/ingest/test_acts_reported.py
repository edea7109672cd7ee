"""Acts on people, bans and statements that the text only mentions (issue 13): crowds counted over years,
a person named by what was done to them, a threat of prison, a ban in force, the author's own aside.
Sentences of our own, in English and Russian, never a corpus text."""

from __future__ import annotations

import pytest

from tests.ingest.conftest import WriteDigest, events


def kinds(write_digest: WriteDigest, text: str) -> list[str]:
    return [c.kind for c in events(write_digest, text)]


@pytest.mark.parametrize(
    "text",
    [
        "В Беларуси с 2020 года по политическим мотивам задержаны более 50 тысяч человек.",
        "Thousands of people have been detained in Belarus since 2020.",
    ],
)
def test_a_crowd_counted_over_years_is_a_summary(write_digest: WriteDigest, text: str) -> None:
    assert kinds(write_digest, text) == []


def test_a_crowd_detained_on_a_day_is_an_event(write_digest: WriteDigest) -> None:
    assert kinds(write_digest, "On Tuesday, police detained hundreds of protesters in Minsk.") == [
        "detention"
    ]


def test_a_fine_in_thousands_of_roubles_is_no_crowd(write_digest: WriteDigest) -> None:
    text = "Во вторник суд оштрафовал блогера Ивана Петрова на 50 тысяч рублей."
    assert kinds(write_digest, text) == ["fine"]


def test_a_person_named_by_what_was_done_to_them_is_no_act(write_digest: WriteDigest) -> None:
    assert kinds(write_digest, "Суд отпустил задержанного Ивана Петрова под залог.") == []


def test_a_participle_with_its_own_year_is_a_past_act(write_digest: WriteDigest) -> None:
    text = "Иван Петров, осужденный в 2021 году на пять лет колонии, вышел на свободу во вторник."
    assert kinds(write_digest, text) == ["sentence"]


def test_a_threat_of_prison_is_no_sentence(write_digest: WriteDigest) -> None:
    assert kinds(write_digest, "Ивану Петрову грозит до шести лет лишения свободы.") == []


@pytest.mark.parametrize(
    "text",
    ["Запрет на въезд для белорусских грузовиков действует с 2022 года.", "The entry ban remains in force."],
)
def test_a_ban_in_force_is_no_new_ban(write_digest: WriteDigest, text: str) -> None:
    assert kinds(write_digest, text) == []


def test_the_authors_aside_is_no_statement(write_digest: WriteDigest) -> None:
    assert kinds(write_digest, "Напомним, в апреле Лукашенко посетил Москву.") == ["visit"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Information publishes the list of extremist materials every week.",
        "Министерство информации публикует список экстремистских материалов каждую неделю.",
        "Министерство информации еженедельно публикует список экстремистских материалов.",
    ],
)
def test_what_is_done_every_week_is_a_habit(write_digest: WriteDigest, text: str) -> None:
    assert kinds(write_digest, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The State Security Committee on Tuesday added Ivan Petrov to its list of terrorists.",
        "КГБ во вторник добавил Ивана Петрова в список террористов.",
    ],
)
def test_adding_someone_to_a_list_is_no_statement(write_digest: WriteDigest, text: str) -> None:
    assert "statement" not in kinds(write_digest, text)


def test_a_speaker_who_adds_something_makes_a_statement(write_digest: WriteDigest) -> None:
    text = "Лукашенко во вторник добавил в разговоре с журналистами, что Беларусь готова к диалогу."
    assert kinds(write_digest, text) == ["statement"]


def test_previous_visits_are_a_summary(write_digest: WriteDigest) -> None:
    assert kinds(write_digest, "Previous visits by Lukashenka to Moscow focused on gas prices.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov, who was sentenced to five years, was released on Tuesday.",
        "The jailed journalist Ivan Petrov was awarded a prize on Tuesday.",
        "Ivan Petrov, a political prisoner jailed since 2020, went on hunger strike on Tuesday.",
        "Приговор Ивану Петрову вступил в законную силу во вторник.",
    ],
)
def test_an_act_that_only_places_a_person_is_background(write_digest: WriteDigest, text: str) -> None:
    assert kinds(write_digest, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov, who was sentenced to five years in March, was released on Tuesday.",
        "Ivan Petrov was jailed on Tuesday.",
    ],
)
def test_an_act_with_its_own_date_or_verb_is_reported(write_digest: WriteDigest, text: str) -> None:
    assert kinds(write_digest, text) == ["sentence"]
