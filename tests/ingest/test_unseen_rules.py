"""Rules found on texts the extractor had never met (issue 13, the dev texts en_80-en_86 and ru_80-ru_85
scored untouched first): old Belarusian roubles, Russian surnames declined like adjectives or shared by a
couple, lists of persons fined, and a list with its own sum. Each on short sentences of our own, never
on a corpus text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from graph.ingest.candidates import Candidate
from tests.ingest.conftest import WriteDigest, events


def of_kind(
    write_digest: WriteDigest, text: str, kind: str, published: date = date(2024, 5, 16)
) -> list[Candidate]:
    return [c for c in events(write_digest, text, published) if c.kind == kind]


def targets(candidate: Candidate) -> set[str]:
    return {p.actor.name for p in candidate.participants if p.role == "target"}


def test_a_minsk_fine_before_the_redenomination_is_in_old_roubles(write_digest: WriteDigest) -> None:
    text = "В пятницу суд Ленинского района Минска оштрафовал Ивана Петрова на 720 тысяч рублей."
    [fine] = of_kind(write_digest, text, "fine", published=date(2015, 10, 16))
    assert fine.money is not None
    assert (fine.money.amount, fine.money.currency) == (Decimal("720000"), "BYR")


def test_a_womans_surname_declined_like_an_adjective_is_put_in_the_nominative(
    write_digest: WriteDigest,
) -> None:
    [fine] = of_kind(
        write_digest, "Суд Ленинского района Минска оштрафовал Елену Толстую на 1350 рублей.", "fine"
    )
    assert targets(fine) == {"Елена Толстая"}


def test_a_couple_named_once_with_their_surname_in_the_plural_are_two_persons(
    write_digest: WriteDigest,
) -> None:
    text = "Суд Ленинского района Минска оштрафовал Вячеслава и Марину Косинеровых на 810 рублей."
    [fine] = of_kind(write_digest, text, "fine")
    assert targets(fine) == {"Вячеслав Косинеров", "Марина Косинерова"}


def test_everyone_listed_after_the_penalty_verb_is_concerned(write_digest: WriteDigest) -> None:
    text = (
        "Суд Ленинского района Минска оштрафовал Сергея Антончика, Леонида Акаловича и активиста "
        "«Европейской Беларуси» Михаила Воронцова на 810 рублей."
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert targets(fine) == {"Сергей Антончик", "Леонид Акалович", "Михаил Воронцов"}


def test_a_list_of_persons_followed_by_its_own_sum_is_a_penalty_of_its_own(write_digest: WriteDigest) -> None:
    text = (
        "Суд Ленинского района Минска оштрафовал Ивана Петрова на 1350 рублей, Сергея Антончика и "
        "Леонида Акаловича — на 810 рублей."
    )
    fines = of_kind(write_digest, text, "fine")
    assert [(targets(f), f.money.amount if f.money else None) for f in fines] == [
        ({"Иван Петров"}, Decimal("1350")),
        ({"Сергей Антончик", "Леонид Акалович"}, Decimal("810")),
    ]
    assert fines[1].evidence[0].quote.startswith(", Сергея Антончика")


def test_the_judge_named_beside_the_court_is_not_the_one_fined(write_digest: WriteDigest) -> None:
    text = (
        "В пятницу суд Ленинского района Минска (судья Татьяна Мотыль) оштрафовал Ивана Петрова "
        "на 500 рублей."
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert targets(fine) == {"Иван Петров"}
    assert ("Татьяна Мотыль", "judge") in {(p.actor.name, p.role) for p in fine.participants}


def test_the_one_fined_may_be_described_before_he_is_named(write_digest: WriteDigest) -> None:
    text = (
        "Суд Ленинского района Минска оштрафовал на 720 рублей участника стихийной оппозиционной акции "
        "в день выборов Артура Жука."
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert targets(fine) == {"Артур Жук"}


def test_a_court_named_by_the_district_of_a_city_is_one_body(write_digest: WriteDigest) -> None:
    text = "The Court of Minsk’s Centraĺny district fined activist Ivan Petrov 500 rubles on Tuesday."
    [fine] = of_kind(write_digest, text, "fine")
    assert ("Court of Minsk’s Centraĺny district", "court") in {
        (p.actor.name, p.role) for p in fine.participants
    }


def test_a_text_about_one_court_gives_it_every_fine_that_names_none(write_digest: WriteDigest) -> None:
    text = (
        "The Court of Minsk’s Centraĺny district heard the cases of five activists on Tuesday.\n"
        "As a result, Ivan Petrov was fined 500 rubles.\n"
        "Anna Sidorova has been fined 700 rubles.\n"
        "The court also fined Pavel Orlov and Oleg Belov."
    )
    fines = of_kind(write_digest, text, "fine")
    assert len(fines) == 3
    for fine in fines:
        assert "Court of Minsk’s Centraĺny district" in {
            p.actor.name for p in fine.participants if p.role == "court"
        }


def test_the_date_of_the_offence_is_not_the_date_of_the_fine(write_digest: WriteDigest) -> None:
    text = (
        "Ivan Petrov has been fined 500 rubles for participating in three protests: February 28, March 7 "
        "and 9.\n\n"
        "Члена Союза писателей Николая Трофимчука за акцию 21 февраля оштрафовали на 540 рублей.\n"
    )
    fines = of_kind(write_digest, text, "fine")
    assert len(fines) == 2
    assert all(f.date.start not in {date(2024, 2, 28), date(2024, 2, 21)} for f in fines)


def test_a_currency_code_written_against_its_number_is_a_sum_and_a_bracketed_conversion_is_not() -> None:
    from graph.ingest.money import find_money

    found = find_money("projects estimated at RUB105 billion [about $1.6 billion at the current rate]")
    assert [(m.amount, m.currency) for m in found] == [(Decimal("105000000000"), "RUB")]


def test_a_speaker_gives_the_value_of_documents_or_projects_joined_by_a_word_of_value(
    write_digest: WriteDigest,
) -> None:
    text = (
        "On Thursday Prime Minister Roman Golovchenko said that the total amount of investment projects "
        "agreed by the two countries is estimated at RUB105 billion.\n\n"
        "On Friday Mikhail Mishustin said that trade with the region is estimated at $500 million."
    )
    statements = of_kind(write_digest, text, "statement")
    assert [(s.money.amount, s.money.currency) if s.money else None for s in statements] == [
        (Decimal("105000000000"), "RUB"),
        None,
    ]


def test_a_signing_that_refers_back_takes_the_sum_of_the_sentence_before(write_digest: WriteDigest) -> None:
    text = (
        "Россия выделит Беларуси кредит в 105 миллиардов российских рублей (около 1,5 миллиарда долларов). "
        "Соответствующий документ подписали 16 мая министры финансов Беларуси и России."
    )
    [signing] = of_kind(write_digest, text, "contract_signing")
    assert signing.money is not None
    assert (signing.money.amount, signing.money.currency) == (Decimal("105000000000"), "RUB")


def test_a_fine_of_someone_named_by_a_noun_is_the_one_the_court_is_found_naming_next(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Vitsebsk journalist fined $1,200\n"
        "The Pershamaiski District Court of Vitsebsk found Anna Petrova guilty of unauthorized protest on "
        "Tuesday."
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert targets(fine) == {"Anna Petrova"}
    assert fine.money is not None and (fine.money.amount, fine.money.currency) == (Decimal("1200"), "USD")


def test_a_penalty_of_someone_named_by_a_noun_is_the_one_the_next_sentence_opens_with(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Belarus fines Polish reporter over protest\n\n"
        "A Minsk court on Tuesday ordered a Polish newspaper reporter to pay a 580-dollar fine.\n\n"
        "Ivan Petrov, who works for a Polish newspaper, was in Grodno at the time."
    )
    [fine] = of_kind(write_digest, text, "fine")
    assert targets(fine) == {"Ivan Petrov"}


def test_a_lead_naming_nobody_is_the_verdict_the_body_tells(write_digest: WriteDigest) -> None:
    text = (
        "A Belarusian journalist in the city of Homel has been sentenced to five years in prison.\n\n"
        "Judge Ivan Sidorov of the Homel regional court sentenced Anna Petrova on Thursday after finding her "
        "guilty.\n\n"
        "Her lawyer said she would appeal."
    )
    sentences = of_kind(write_digest, text, "sentence")
    assert len(sentences) == 1


def test_talks_in_the_headline_told_again_with_a_day_are_an_event_with_everyone_named(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Лукашенко проводит переговоры с губернатором Московской области во Дворце Независимости\n"
        "Рабочую неделю Президента Беларуси открывает встреча с губернатором Московской области.\n"
        "16 мая Александр Лукашенко и Андрей Жаворонков проводят переговоры во Дворце Независимости.\n"
    )
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {a.name for a in meeting.actors} == {"Alexander Lukashenka", "Андрей Жаворонков"}
    assert str(meeting.date) == "2024-05-16"


def roles_of(candidate: Candidate) -> set[tuple[str, str]]:
    return {(p.actor.name, p.role) for p in candidate.participants}


def test_the_guest_of_a_visit_may_be_named_after_it_and_whoever_met_him_hosts(
    write_digest: WriteDigest,
) -> None:
    inverted = "14 мая в Минске с официальным визитом находился президент Узбекистана Шавкат Мирзиёев."
    [visit] = of_kind(write_digest, inverted, "visit")
    assert roles_of(visit) == {("Шавкат Мирзиёев", "visitor")}
    met = (
        "Лукашенко 14 мая встретился в Минске с находящимся с визитом президентом Узбекистана "
        "Шавкатом Мирзиёевым."
    )
    [visit] = of_kind(write_digest, met, "visit")
    assert roles_of(visit) == {("Alexander Lukashenka", "host"), ("Шавкат Мирзиёев", "visitor")}


def test_an_english_sentence_full_of_slavic_names_is_still_read_as_english(write_digest: WriteDigest) -> None:
    text = (
        "Roman Golovchenko held talks with Andrei Travnikov, Alexander Burkov and Vladimir Mazur on Monday."
    )
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {a.name for a in meeting.actors} == {
        "Roman Golovchenko",
        "Andrei Travnikov",
        "Alexander Burkov",
        "Vladimir Mazur",
    }


def test_who_reports_a_signing_is_no_party_to_it_and_who_led_a_delegation_visited(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Russia and Belarus signed an agreement on a $1.5 billion loan on Monday, Finance Minister Anton "
        "Siluanov said.\n\n"
        "Contracts worth over $100 million were signed during the visit of the Belarusian delegation led by "
        "Deputy Prime Minister Pyotr Parkhomchik to Tatarstan on Wednesday."
    )
    signing = of_kind(write_digest, text, "contract_signing")[0]
    assert "Anton Siluanov" not in {a.name for a in signing.actors}
    [visit] = of_kind(write_digest, text, "visit")
    assert roles_of(visit) == {("Pyotr Parkhomchik", "visitor")}


def test_an_act_a_source_reports_with_that_concerns_the_person_and_the_source_is_no_speaker(
    write_digest: WriteDigest,
) -> None:
    told_first = (
        "Правозащитный центр «Вясна» сообщил, что 14 мая суд приговорил Николая Статкевича к 14 годам."
    )
    [sentence] = of_kind(write_digest, told_first, "sentence")
    assert ("Николай Статкевич", "defendant") in roles_of(sentence)
    told_after = "14 мая суд приговорил Николая Статкевича к 14 годам колонии, сообщил правозащитный центр."
    assert of_kind(write_digest, told_after, "statement") == []


def test_a_mans_surname_in_a_soft_sign_is_put_back_in_the_nominative(write_digest: WriteDigest) -> None:
    text = "Лукашенко 14 мая освободил от должности посла Беларуси в Литве Александра Короля."
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert ("Александр Король", "dismissed") in roles_of(dismissal)


def test_the_same_penalty_given_to_others_is_a_penalty_of_theirs(write_digest: WriteDigest) -> None:
    text = (
        "On Tuesday the Minsk City Court fined Ales Makayeu 10.5 mln rubles.\n"
        "The same penalty was imposed on Volha Nikalaichyk, Maksim Viniarski and Pavel Vinahradau."
    )
    first, same = of_kind(write_digest, text, "fine")
    assert targets(same) == {"Volha Nikalaichyk", "Maksim Viniarski", "Pavel Vinahradau"}
    assert same.money == first.money and same.date == first.date
    assert "Minsk City Court" in {p.actor.name for p in same.participants if p.role == "court"}


def test_a_meeting_between_two_named_people_under_the_headline_is_reported(write_digest: WriteDigest) -> None:
    text = (
        "Golovchenko: friendship of our peoples is at the heart of success\n\n"
        "That was stated by Prime Minister Roman Golovchenko during his Sochi meeting with Russian PM "
        "Mikhail Mishustin\n\n"
        "In particular, Mr. Golovchenko noted that the countries have formed a comprehensive framework."
    )
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {a.name for a in meeting.actors} == {"Roman Golovchenko", "Mikhail Mishustin"}


def test_a_district_court_of_a_city_named_before_its_head_is_one_court(write_digest: WriteDigest) -> None:
    text = (
        "On May 14, the Frunzienski District Court of Minsk sentenced activist Anna Petrova to three years."
    )
    [sentence] = of_kind(write_digest, text, "sentence")
    assert {p.actor.name for p in sentence.participants if p.role == "court"} == {
        "Frunzienski District Court of Minsk"
    }
