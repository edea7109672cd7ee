"""Rules found on texts the extractor had never met (issue 13, batch 9: dev en_94-en_99, ru_93-ru_98
scored untouched first): two meetings that share one person, words said "earlier", a meeting named
after a passive "discussed", an arrival told verb first, a speaker in apposition. Each on short
sentences of our own, never on a corpus text."""

from __future__ import annotations

from datetime import date

from graph.ingest.candidates import Candidate
from tests.ingest.conftest import WriteDigest, events


def of_kind(
    write_digest: WriteDigest, text: str, kind: str, published: date = date(2025, 11, 26)
) -> list[Candidate]:
    return [c for c in events(write_digest, text, published) if c.kind == kind]


def names(candidate: Candidate) -> set[str]:
    return {a.name for a in candidate.actors}


def test_a_meeting_in_the_lead_and_another_with_someone_else_later_are_two_meetings(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Президент Белоруссии Александр Лукашенко на встрече с Владимиром Путиным предложил провести "
        "переговоры в Минске.\n\nОб этом сообщает агентство.\n\nЕще одна новость дня.\n\n"
        "Он выступил на встрече с госсекретарем Совета безопасности Иваном Сидоровым."
    )
    meetings = of_kind(write_digest, text, "meeting")
    assert [len(m.actors) for m in meetings] == [2, 2]
    assert names(meetings[0]) == {"Alexander Lukashenka", "Vladimir Putin"}
    assert names(meetings[1]) == {"Alexander Lukashenka", "Иван Сидоров"}


def test_words_said_earlier_are_a_statement_of_their_own(write_digest: WriteDigest) -> None:
    text = (
        "Лукашенко 26 ноября заявил, что Минск готов принять переговоры.\n\n"
        "Ранее Лукашенко заявил, что литовские власти давят на водителей."
    )
    assert len(of_kind(write_digest, text, "statement")) == 2


def test_a_meeting_named_after_a_passive_discussed_is_reported(write_digest: WriteDigest) -> None:
    text = (
        "These issues were discussed today at the meeting of President Lukashenka and Governor Ivan Petrov."
    )
    [meeting] = of_kind(write_digest, text, "meeting", published=date(2019, 12, 13))
    assert names(meeting) == {"Alexander Lukashenka", "Ivan Petrov"}


def test_issues_discussed_with_no_meeting_named_report_no_meeting(write_digest: WriteDigest) -> None:
    assert of_kind(write_digest, "These issues were discussed today.", "meeting") == []


def test_who_arrived_is_named_after_the_verb_and_where_before_it(write_digest: WriteDigest) -> None:
    [visit] = of_kind(write_digest, "На следующий день, 26 ноября, в Бишкек прилетел и Лукашенко.", "visit")
    assert [(p.actor.name, p.role) for p in visit.participants] == [("Alexander Lukashenka", "visitor")]
    assert [p.name for p in visit.places] == ["Bishkek"]


def test_whom_someone_came_to_is_the_host(write_digest: WriteDigest) -> None:
    [visit] = of_kind(write_digest, "Вчера в Минск приехал к Лукашенко губернатор Иван Петров.", "visit")
    assert ("Alexander Lukashenka", "visitor") not in [(p.actor.name, p.role) for p in visit.participants]


def test_a_spokesman_in_apposition_speaks_not_his_ministry(write_digest: WriteDigest) -> None:
    text = (
        "“We condemn the verdict,” Łukasz Jasina, spokesman for the Polish Ministry of Foreign Affairs, "
        "wrote on Twitter."
    )
    [statement] = of_kind(write_digest, text, "statement", published=date(2023, 3, 3))
    assert names(statement) == {"Łukasz Jasina"}


def test_a_court_in_the_city_of_x_sits_in_x(write_digest: WriteDigest) -> None:
    text = "The Lenin District Court in the western city of Hrodna fined Ivan Petrov $205 on Tuesday."
    [fine] = of_kind(write_digest, text, "fine", published=date(2014, 11, 26))
    assert [p.name for p in fine.places] == ["Hrodna"]


def test_the_one_a_fine_is_issued_to_is_fined(write_digest: WriteDigest) -> None:
    text = "In May, the district court issued a fine of 30 penalty units to journalist Ales Zaleuski."
    [fine] = of_kind(write_digest, text, "fine", published=date(2014, 6, 16))
    assert names(fine) >= {"Ales Zaleuski"}


def test_unknown_first_names_listed_beside_a_known_person_are_persons(write_digest: WriteDigest) -> None:
    text = (
        "A court in Minsk sentenced Valancin Stefanovich, Uladzimir Labkovich and Zmiecier Salujou "
        "to prison terms on Friday."
    )
    [verdict] = of_kind(write_digest, text, "sentence", published=date(2023, 3, 3))
    assert names(verdict) >= {"Valancin Stefanovich", "Uladzimir Labkovich", "Zmiecier Salujou"}


def test_each_person_of_a_dashed_list_of_fines_gets_a_fine_with_the_sum_in_brackets(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Были задержаны Павел Прокопович, Алесь Абрамович и Михаил Латышев.\n\n"
        "Латышев оштрафован на 15 базовых величин (3,15 млн рублей), Прокопович — 25 базовых величин "
        "(5,25 млн), Абрамович — 40 базовых величин (8,4 млн)."
    )
    fines = of_kind(write_digest, text, "fine", published=date(2016, 5, 23))
    assert [(names(f), f.money and (int(f.money.amount), f.money.currency)) for f in fines] == [
        ({"Михаил Латышев"}, (3150000, "BYR")),
        ({"Павел Прокопович"}, (5250000, "BYR")),
        ({"Алесь Абрамович"}, (8400000, "BYR")),
    ]


def test_a_bare_number_of_millions_takes_no_currency_outside_a_list_of_sums() -> None:
    from graph.ingest.money import find_money

    assert find_money("В городе живут 2 млн человек.") == []
    assert [m.currency for m in find_money("Штраф — 3 млн рублей. Это 2 млн, сказал он.")] == ["RUB"]


def test_the_us_in_front_of_a_body_is_part_of_its_name(write_digest: WriteDigest) -> None:
    text = "The U.S. Treasury has sanctioned eight Belarusian officials on Friday."
    [sanction] = of_kind(write_digest, text, "sanction", published=date(2020, 10, 2))
    assert names(sanction) == {"U.S. Treasury"}


def test_the_one_court_that_fined_the_protesters_fined_each_one_named_later(
    write_digest: WriteDigest,
) -> None:
    text = (
        "23 мая Жодинский городской суд оштрафовал участников митинга.\n\n"
        "Активисты Иван Петров и Павел Сидоров были задержаны 21 мая.\n\n"
        "Петров оштрафован на 15 базовых величин (3,15 млн рублей), Сидоров — 20 базовых величин (4,2 млн)."
    )
    fines = of_kind(write_digest, text, "fine", published=date(2016, 5, 23))
    assert [names(f) for f in fines] == [
        {"Иван Петров", "Жодинский городской суд"},
        {"Павел Сидоров", "Жодинский городской суд"},
    ]


def test_a_verdict_recalled_from_another_year_is_not_the_one_courts(write_digest: WriteDigest) -> None:
    text = (
        "23 мая Жодинский городской суд оштрафовал участников митинга.\n\n"
        "Митинг прошел у рынка.\n\n"
        "В марте 2014 года Ивана Петрова оштрафовали на 15 базовых величин (3,15 млн рублей)."
    )
    fines = of_kind(write_digest, text, "fine", published=date(2016, 5, 23))
    assert [names(f) for f in fines if f.date.start.year == 2014] == [{"Иван Петров"}]


def test_a_titled_person_after_a_russian_speech_verb_speaks(write_digest: WriteDigest) -> None:
    text = "Москва выдаст Минску кредит в размере $1,5 млрд, сообщил президент России Владимир Путин."
    [statement] = of_kind(write_digest, text, "statement", published=date(2020, 9, 14))
    assert names(statement) == {"Vladimir Putin"}


def test_a_stop_with_no_space_after_it_still_ends_a_sentence() -> None:
    from graph.ingest.candidates import Span
    from graph.ingest.segments import sentences

    text = "Путин обещал выполнить договоренности.Господин Лукашенко поблагодарил. Об этом пишет Caliber.Az."
    found = [text[s.span.start : s.span.end] for s in sentences(text, Span(0, len(text)))]
    assert found == [
        "Путин обещал выполнить договоренности.",
        "Господин Лукашенко поблагодарил.",
        "Об этом пишет Caliber.Az.",
    ]


def test_a_headline_speakers_words_told_in_the_body_stay_his(write_digest: WriteDigest) -> None:
    text = (
        "Путин пообещал Лукашенко кредит на $1,5 млрд\n\n"
        "Москва выдаст Минску кредит в размере $1,5 млрд, сообщил президент России Владимир Путин. "
        "Господин Лукашенко поблагодарил господина Путина за поддержку."
    )
    statements = of_kind(write_digest, text, "statement", published=date(2020, 9, 14))
    assert [names(s) for s in statements] == [{"Vladimir Putin"}, {"Alexander Lukashenka"}]


def test_the_one_quoted_as_saying_speaks_middle_initial_and_all(write_digest: WriteDigest) -> None:
    text = '"We stand united," the document quotes U.S. Secretary Steven T. Mnuchin as saying.'
    [statement] = of_kind(write_digest, text, "statement", published=date(2020, 10, 2))
    assert names(statement) == {"Steven T. Mnuchin"}


def test_the_country_of_a_former_post_is_not_where_an_appointment_happened(
    write_digest: WriteDigest,
) -> None:
    text = "В свою очередь экс-посол Белоруссии в РФ Дмитрий Крутой назначен главой администрации президента."
    [appointment] = of_kind(write_digest, text, "appointment", published=date(2024, 6, 27))
    assert appointment.places == []
