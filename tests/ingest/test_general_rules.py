"""General rules raised by the blind scoring (issue 13): appointments and dismissals, meetings only
mentioned, Russian names in oblique cases, fines and their currency. Each on short sentences of our own,
never on a corpus text."""

from __future__ import annotations

from decimal import Decimal

from graph.ingest.candidates import Candidate
from graph.ingest.money import currency_known
from tests.ingest.conftest import WriteDigest, events

LUKASHENKA = "person:alexander-lukashenka"


def of_kind(write_digest: WriteDigest, text: str, kind: str) -> list[Candidate]:
    return [c for c in events(write_digest, text) if c.kind == kind]


def roles(candidate: Candidate) -> set[tuple[str, str]]:
    return {(p.actor.name, p.role) for p in candidate.participants}


# Appointments and dismissals: one event per person and post, who decided in each


def test_an_appointment_by_decree_in_russian_names_who_and_who_decided(write_digest: WriteDigest) -> None:
    text = "Президент Беларуси Александр Лукашенко назначил Андрея Кузнецова министром экономики."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert ("Андрей Кузнецов", "appointee") in roles(appointment)
    assert (LUKASHENKA, "authority") in {(p.actor.id, p.role) for p in appointment.participants}


def test_one_decree_appointing_two_people_is_two_appointments(write_digest: WriteDigest) -> None:
    text = (
        "Александр Лукашенко назначил Андрея Кузнецова председателем облисполкома, а Ивана Сидоренко — "
        "послом Беларуси в Казахстане."
    )
    appointments = of_kind(write_digest, text, "appointment")
    assert sorted(p.actor.name for a in appointments for p in a.participants if p.role == "appointee") == [
        "Андрей Кузнецов",
        "Иван Сидоренко",
    ]
    assert all(LUKASHENKA in {a.id for a in c.actors} for c in appointments)


def test_a_list_under_a_decree_line_is_one_appointment_per_line(write_digest: WriteDigest) -> None:
    text = (
        "Александр Лукашенко во вторник рассмотрел кадровые вопросы.\n"
        "Указом Президента назначены:\n"
        "Иванов Иван Петрович – министром экономики;\n"
        "Сидоренко Ольга Викторовна – послом Беларуси в Казахстане.\n"
    )
    appointments = of_kind(write_digest, text, "appointment")
    assert len(appointments) == 2
    assert all(any(p.role == "appointee" for p in a.participants) for a in appointments)
    assert all(
        (LUKASHENKA, "authority") in {(p.actor.id, p.role) for p in a.participants} for a in appointments
    )


def test_a_list_of_appointments_in_english(write_digest: WriteDigest) -> None:
    text = (
        "President Lukashenko considered personnel issues on Monday.\n"
        "He made the following appointments:\n"
        "Ivan Petrov as Minister of Economy;\n"
        "Olga Sidorenko as Ambassador to Kazakhstan.\n"
    )
    appointments = of_kind(write_digest, text, "appointment")
    assert [sorted(roles(a)) for a in appointments] == [
        [("Alexander Lukashenka", "authority"), ("Ivan Petrov", "appointee")],
        [("Alexander Lukashenka", "authority"), ("Olga Sidorenko", "appointee")],
    ]


def test_appointed_as_in_english(write_digest: WriteDigest) -> None:
    text = "On Tuesday, President Lukashenko appointed Ivan Petrov as the new economy minister."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert roles(appointment) == {("Alexander Lukashenka", "authority"), ("Ivan Petrov", "appointee")}
    assert str(appointment.date) == "2024-05-14"


def test_who_agreed_on_an_appointment_decided_it(write_digest: WriteDigest) -> None:
    text = "Lukashenka agreed on the appointment of a new chairman of the city executive committee today."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert roles(appointment) == {("Alexander Lukashenka", "authority")}


def test_relieved_of_a_post_with_words_between(write_digest: WriteDigest) -> None:
    for text in (
        "Лукашенко освободил Ивана Петрова от должности министра экономики.",
        "Ранее в четверг Иван Петров был освобожден от занимаемой должности.",
        "Lukashenka relieved Ivan Petrov of his duties as economy minister.",
    ):
        [dismissal] = of_kind(write_digest, text, "dismissal")
        assert ("Иван Петров" if "Ивана" in text or "Иван" in text else "Ivan Petrov", "dismissed") in roles(
            dismissal
        ), text


def test_two_people_dismissed_by_one_sentence_are_two_dismissals(write_digest: WriteDigest) -> None:
    text = (
        "In October 2023, Lukashenka dismissed the Ambassador of Belarus to Lithuania Ivan Petrov and the "
        "head of the diplomatic mission in Estonia, Pavel Sidorov."
    )
    dismissals = of_kind(write_digest, text, "dismissal")
    assert sorted(p.actor.name for d in dismissals for p in d.participants if p.role == "dismissed") == [
        "Ivan Petrov",
        "Pavel Sidorov",
    ]


def test_who_dismissed_unnamed_ambassadors_decided(write_digest: WriteDigest) -> None:
    text = "Lukashenka dismissed the country's ambassadors to Lithuania and Russia from their posts."
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert roles(dismissal) == {("Alexander Lukashenka", "authority")}


def test_a_fine_imposed_is_not_an_appointment(write_digest: WriteDigest) -> None:
    kinds = [c.kind for c in events(write_digest, "Ивану Петрову назначили штраф в размере 740 рублей.")]
    assert kinds == ["fine"]


def test_release_from_custody_and_fired_shots_are_no_dismissal(write_digest: WriteDigest) -> None:
    text = "Ивана Петрова освободили из-под стражи. Soldiers fired shots near Ivan Petrov's house."
    assert not of_kind(write_digest, text, "dismissal")


# Russian names in oblique cases, courts named by their places


def test_russian_names_in_oblique_cases_are_put_in_the_nominative(write_digest: WriteDigest) -> None:
    text = (
        "Александр Лукашенко 14 мая встретился с губернатором Новосибирской области Андреем Сомовым.\n"
        "Суд Советского района Гомеля оштрафовал активистку Марию Иванову на 1 850 рублей.\n"
    )
    found = events(write_digest, text)
    [meeting] = [c for c in found if c.kind == "meeting"]
    assert {a.name for a in meeting.actors} == {"Alexander Lukashenka", "Андрей Сомов"}
    [fine] = [c for c in found if c.kind == "fine"]
    assert roles(fine) == {("Мария Иванова", "target"), ("Суд Советского района Гомеля", "court")}


def test_a_meeting_with_a_name_in_the_instrumental(write_digest: WriteDigest) -> None:
    [meeting] = of_kind(write_digest, "Лукашенко встретился с Путиным в Минске 14 мая.", "meeting")
    assert {a.id for a in meeting.actors} == {LUKASHENKA, "person:vladimir-putin"}
    assert str(meeting.date) == "2024-05-14"


def test_a_sentence_on_a_blogger_concerns_someone(write_digest: WriteDigest) -> None:
    text = "Суд Ленинского района Гродно приговорил блогера к трем годам колонии."
    [sentence] = of_kind(write_digest, text, "sentence")
    assert roles(sentence) == {("Суд Ленинского района Гродно", "court")}


# A meeting reported, or only mentioned


def test_a_court_session_is_no_meeting(write_digest: WriteDigest) -> None:
    for text in (
        "Судебное заседание прошло в закрытом режиме, Ивана Петрова приговорили к трем годам колонии.",
        "The court hearing was held behind closed doors, and Ivan Petrov was sentenced to three years.",
    ):
        assert [c.kind for c in events(write_digest, text)] == ["sentence"], text


def test_a_meeting_spoken_of_is_no_meeting(write_digest: WriteDigest) -> None:
    for text in (
        "Лукашенко вспомнил о встрече с Путиным в Сочи.",
        "Лукашенко прокомментировал итоги переговоров в Стамбуле.",
        "Lukashenko recalled his meeting with Putin in Sochi.",
        "Lukashenko accused the West of sabotaging the talks.",
    ):
        assert "meeting" not in [c.kind for c in events(write_digest, text)], text


def test_a_meeting_as_the_background_of_an_arrest_is_no_meeting(write_digest: WriteDigest) -> None:
    for text in (
        "Ивана Петрова задержали после встречи с избирателями.",
        "The KGB detained Ivan Petrov after he met with foreign diplomats.",
    ):
        assert [c.kind for c in events(write_digest, text)] == ["detention"], text


def test_a_statement_after_a_meeting_keeps_the_meeting(write_digest: WriteDigest) -> None:
    text = "Об этом сообщил министр Иван Петров после встречи с Лукашенко 14 мая."
    assert "meeting" in [c.kind for c in events(write_digest, text)]


def test_meetings_counted_over_years_are_a_summary(write_digest: WriteDigest) -> None:
    text = "Lukashenka has met Putin more than 20 times since 2020."
    assert not of_kind(write_digest, text, "meeting")


def test_a_meeting_told_in_russian_is_one_meeting(write_digest: WriteDigest) -> None:
    text = "Президент Беларуси Александр Лукашенко 14 мая провел переговоры с Владимиром Путиным."
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {a.id for a in meeting.actors} == {LUKASHENKA, "person:vladimir-putin"}


# Fines: their sums and currencies


def sum_of(candidate: Candidate) -> tuple[Decimal, str] | None:
    return (candidate.money.amount, candidate.money.currency) if candidate.money else None


def test_a_fine_by_a_belarusian_court_is_in_belarusian_roubles(write_digest: WriteDigest) -> None:
    text = (
        "Суд Центрального района Минска оштрафовал Марию Иванову на 1 850 рублей. В Москве прошли "
        "переговоры России и Беларуси. Путин встретился с послом России в Москве."
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert sum_of(fine) == (Decimal("1850"), "BYN")


def test_a_fine_in_base_units_is_taken_in_roubles_and_they_are_belarusian(write_digest: WriteDigest) -> None:
    for text in (
        "Ивану Петрову назначили штраф в размере 20 базовых величин (740 рублей).",
        "Activist Ivan Petrov was fined 20 base units (740 rubles).",
    ):
        [fine] = of_kind(write_digest, text, "fine")
        assert sum_of(fine) == (Decimal("740"), "BYN"), text


def test_a_fine_in_a_russian_court_stays_in_russian_roubles(write_digest: WriteDigest) -> None:
    [fine] = of_kind(write_digest, "Суд в Москве оштрафовал Ивана Петрова на 30 тысяч рублей.", "fine")
    assert sum_of(fine) == (Decimal("30000"), "RUB")


def test_belarusian_roubles_before_the_redenomination_are_byr_when_the_model_takes_it(
    write_digest: WriteDigest,
) -> None:
    text = "In March 2015, a Minsk court fined activist Ivan Petrov 9 million rubles."
    [fine] = of_kind(write_digest, text, "fine")
    if currency_known("BYR"):
        assert sum_of(fine) == (Decimal("9000000"), "BYR")
    else:  # graph.model refuses the withdrawn code: the draft stays loadable and asks for a check
        assert sum_of(fine) == (Decimal("9000000"), "BYN")
        assert any("BYR" in note for note in fine.review)


def test_the_currency_the_headline_states_first_wins(write_digest: WriteDigest) -> None:
    text = (
        "$93 fine for a Belarusian journalist\n\n"
        "Belarusian journalist Ivan Petrov was fined 200,000 rubels ($93) by a court in Minsk on Tuesday.\n"
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert sum_of(fine) == (Decimal("93"), "USD")


def test_each_person_with_their_own_sum_is_a_fine_of_their_own(write_digest: WriteDigest) -> None:
    text = "Активиста Ивана Петрова оштрафовали на 1 850 рублей, а Павла Сидорова — на 2 000 рублей."
    fines = of_kind(write_digest, text, "fine")
    assert [(sorted(roles(f)), sum_of(f)) for f in fines] == [
        ([("Иван Петров", "target")], (Decimal("1850"), "RUB")),
        ([("Павел Сидоров", "target")], (Decimal("2000"), "RUB")),
    ]


def test_a_host_receiving_a_guest_in_a_named_place_is_a_meeting(write_digest: WriteDigest) -> None:
    text = (
        "Президент Беларуси Александр Лукашенко принял в Минске губернатора Калужской области Ивана Петрова."
    )
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {a.name for a in meeting.actors} == {"Alexander Lukashenka", "Иван Петров"}


def test_a_sum_after_a_later_fine_is_the_fines_not_the_arrests(write_digest: WriteDigest) -> None:
    text = "Ивана Петрова задержали 3 мая, а 10 мая суд оштрафовал его на 1 850 рублей."
    detention, fine = events(write_digest, text)
    assert (detention.kind, detention.money, str(detention.date)) == ("detention", None, "2024-05-03")
    assert (fine.kind, sum_of(fine), str(fine.date)) == ("fine", (Decimal("1850"), "RUB"), "2024-05-10")


def test_a_pronoun_after_the_verb_is_the_one_fined(write_digest: WriteDigest) -> None:
    text = "On May 3, police detained Ivan Petrov. A week later, a court fined him 1,850 rubles."
    [fine] = of_kind(write_digest, text, "fine")
    assert roles(fine) == {("Ivan Petrov", "target")}


def test_a_detail_naming_nobody_takes_who_the_lead_named(write_digest: WriteDigest) -> None:
    text = (
        "Lukashenka fired ambassadors to Lithuania and Russia\n\n"
        "By his decree, President Alexander Lukashenka dismissed the country's ambassadors in two countries "
        "from their posts.\n\n"
        "In addition, the head of the diplomatic mission of Belarus in Lithuania was relieved of his "
        "post.\n\n"
        "The decree was signed on May 14.\n"
    )
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert (LUKASHENKA, "authority") in {(p.actor.id, p.role) for p in dismissal.participants}
