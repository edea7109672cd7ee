"""General rules for the fields of matched events and for precision (issue 13, second pass): who took
part, where, what sum, and which mentions report nothing. Each on short sentences of our own, never on a
corpus text."""

from __future__ import annotations

from decimal import Decimal

from graph.ingest.candidates import Candidate
from tests.ingest.conftest import WriteDigest, events

LUKASHENKA = "person:alexander-lukashenka"
PUTIN = "person:vladimir-putin"


def of_kind(write_digest: WriteDigest, text: str, kind: str) -> list[Candidate]:
    return [c for c in events(write_digest, text) if c.kind == kind]


# A country inside a sum names its currency


def test_a_country_inside_a_sum_is_not_a_party(write_digest: WriteDigest) -> None:
    text = "On Monday the two companies signed contracts totalling over 200 million US dollars."
    [signing] = of_kind(write_digest, text, "contract_signing")
    assert "country:US" not in {a.id for a in signing.actors}
    assert signing.money is not None and signing.money.currency == "USD"


def test_a_country_inside_a_rouble_sum_is_not_a_party_in_russian(write_digest: WriteDigest) -> None:
    text = "В понедельник стороны подписали контракты на сумму 5 млрд российских рублей."
    [signing] = of_kind(write_digest, text, "contract_signing")
    assert "country:RU" not in {a.id for a in signing.actors}


# Talks that go on or stand still are a process, not a meeting


def test_talks_that_have_stalled_are_no_meeting(write_digest: WriteDigest) -> None:
    text = "Talks between Minsk and Moscow on the oil tax have stalled."
    assert of_kind(write_digest, text, "meeting") == []


def test_negotiations_going_on_for_months_are_no_meeting(write_digest: WriteDigest) -> None:
    for text in (
        "Negotiations on the gas price have been going on for months.",
        "Переговоры по цене на газ продолжаются уже несколько месяцев.",
    ):
        assert of_kind(write_digest, text, "meeting") == []


def test_talks_continued_on_a_stated_day_are_still_a_meeting(write_digest: WriteDigest) -> None:
    text = "Lukashenka and Putin continued their talks in Sochi on Monday."
    assert len(of_kind(write_digest, text, "meeting")) == 1


def test_a_meeting_whose_words_continue_in_a_that_clause_is_kept(write_digest: WriteDigest) -> None:
    text = "Putin promised at the meeting with Lukashenka that Russia would continue its aid."
    assert len(of_kind(write_digest, text, "meeting")) == 1


# A gathering that is the setting of what its subjects did


def test_a_verb_the_lexicon_does_not_know_keeps_the_setting_a_meeting(write_digest: WriteDigest) -> None:
    text = "Lukashenka and Putin approved a decree at a meeting in Sochi on Monday."
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {LUKASHENKA, PUTIN} <= {a.id for a in meeting.actors}


def test_a_caption_at_a_meeting_is_still_no_event(write_digest: WriteDigest) -> None:
    caption = "Alexander Lukashenka at a meeting with the Security Council."
    assert of_kind(write_digest, caption, "meeting") == []


def test_the_subjects_of_a_long_sentence_took_part_in_the_meeting_it_was_held_at(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Russian President Vladimir Putin and his Belarusian counterpart Alexander Lukashenka approved "
        "twenty-eight programmes of the Union State at a meeting of the Supreme State Council on Monday."
    )
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {LUKASHENKA, PUTIN} <= {a.id for a in meeting.actors}


# Appointments and dismissals: the place of a post is not where the decision was taken


def test_the_country_of_an_ambassadors_post_is_not_the_place_of_the_appointment(
    write_digest: WriteDigest,
) -> None:
    text = "Глава государства Александр Лукашенко назначил Ивана Петрова послом Беларуси в России."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert appointment.places == []
    assert "country:RU" in {p.id for p in appointment.posts}


def test_ambassadors_to_several_countries_leave_the_dismissal_without_a_place(
    write_digest: WriteDigest,
) -> None:
    text = "Alexander Lukashenka dismissed the ambassadors to Sweden, Finland and Germany on Monday."
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert dismissal.places == []


def test_a_subject_in_the_nominative_after_a_decree_is_the_one_dismissed(write_digest: WriteDigest) -> None:
    text = "Указом главы государства Иван Петров освобожден от должности министра экономики."
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert {(p.actor.name, p.role) for p in dismissal.participants} == {("Иван Петров", "dismissed")}


def test_the_presidents_name_after_a_decree_still_decided(write_digest: WriteDigest) -> None:
    text = "Указом Президента Александра Лукашенко Иван Петров назначен министром экономики."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert (LUKASHENKA, "authority") in {(p.actor.id, p.role) for p in appointment.participants}


# Courts: one body per name, and the court the next sentence names


def test_a_district_court_of_a_city_is_one_court(write_digest: WriteDigest) -> None:
    text = "Ленинский районный суд Минска в понедельник приговорил Ивана Петрова к пяти годам колонии."
    [sentence] = of_kind(write_digest, text, "sentence")
    courts = [p.actor.name for p in sentence.participants if p.role == "court"]
    assert courts == ["Ленинский районный суд Минска"]


def test_a_verdict_takes_the_court_named_in_the_next_sentence(write_digest: WriteDigest) -> None:
    text = "Ивана Петрова приговорили к пяти годам колонии 13 мая. Приговор вынес Гомельский областной суд."
    [sentence] = of_kind(write_digest, text, "sentence")
    assert ("Гомельский областной суд", "court") in {(p.actor.name, p.role) for p in sentence.participants}


def test_a_court_that_tried_someone_else_is_not_taken(write_digest: WriteDigest) -> None:
    text = (
        "Ивана Петрова приговорили к пяти годам колонии 13 мая. "
        "Марию Петрову Гомельский областной суд приговорил к трём годам."
    )
    first, second = of_kind(write_digest, text, "sentence")
    assert [p.role for p in first.participants] == ["defendant"]
    assert "court" in {p.role for p in second.participants}


# Speakers: the subject the pronoun stands for; a speaker named after the verb with their title


def test_he_in_russian_is_never_a_person_named_in_an_oblique_case(write_digest: WriteDigest) -> None:
    text = "Лукашенко в понедельник встретился с Путиным. Он заявил, что союз крепок."
    [statement] = of_kind(write_digest, text, "statement")
    assert [a.id for a in statement.actors] == [LUKASHENKA]


def test_an_object_in_russian_placed_first_is_not_the_subject(write_digest: WriteDigest) -> None:
    text = "Путина в понедельник принял Лукашенко. Он заявил, что союз крепок."
    [statement] = of_kind(write_digest, text, "statement")
    assert [a.id for a in statement.actors] == [LUKASHENKA]


def test_a_speaker_named_after_the_verb_the_day_and_the_title(write_digest: WriteDigest) -> None:
    for text in (
        "Как заявил в понедельник глава МИД Беларуси Максим Рыбников, решение недружественное.",
        "Решение недружественное, заявил в понедельник глава МИД Беларуси Максим Рыбников.",
    ):
        [statement] = of_kind(write_digest, text, "statement")
        assert [a.name for a in statement.actors] == ["Максим Рыбников"]


# Sums: the sentence after a signing or a penalty may give its sum


def test_a_signing_takes_the_total_the_next_sentence_gives(write_digest: WriteDigest) -> None:
    for text in (
        "On Monday Belarus and Russia signed 20 contracts. Their total value exceeded $1.5 billion.",
        "Беларусь и Россия подписали контракты. Общая сумма контрактов превысила 1,5 млрд долларов.",
    ):
        [signing] = of_kind(write_digest, text, "contract_signing")
        assert signing.money is not None
        assert (signing.money.amount, signing.money.currency) == (Decimal("1500000000"), "USD")


def test_a_sum_the_next_sentence_gives_without_a_word_of_value_is_not_taken(
    write_digest: WriteDigest,
) -> None:
    text = (
        "On Monday Belarus and Russia signed 20 contracts. Trade between them reached $50 billion last year."
    )
    [signing] = of_kind(write_digest, text, "contract_signing")
    assert signing.money is None


# A line opened by a name and a colon is that person speaking


def test_a_name_and_a_colon_open_a_statement(write_digest: WriteDigest) -> None:
    for text in (
        "Alexander Lukashenka: We will never join NATO.",
        "Лукашенко: «Мы никогда не вступим в НАТО».",
    ):
        [statement] = of_kind(write_digest, text, "statement")
        assert [a.id for a in statement.actors] == [LUKASHENKA]


def test_a_name_and_a_colon_before_a_lower_case_title_is_no_statement(write_digest: WriteDigest) -> None:
    assert of_kind(write_digest, "Alexander Lukashenka: a biography.", "statement") == []


# A gathering only spoken of


def test_a_forum_named_with_nobody_and_no_day_is_no_meeting(write_digest: WriteDigest) -> None:
    for text in (
        "The agenda of the forum included cooperation in industry.",
        "Since the summit, relations have improved.",
    ):
        assert of_kind(write_digest, text, "meeting") == []


def test_a_forum_held_on_a_stated_day_is_a_meeting_without_names(write_digest: WriteDigest) -> None:
    assert len(of_kind(write_digest, "The forum was held in Minsk on Monday.", "meeting")) == 1
