"""Who took part (issue 13, the actors of matched events): names in Russian cases, courts named by their
city, who decides an appointment or dismissal and who is only named beside it. Each on short sentences of
our own, never on a corpus text."""

from __future__ import annotations

from graph.ingest.candidates import Candidate
from tests.ingest.conftest import WriteDigest, events

LUKASHENKA = "person:alexander-lukashenka"


def of_kind(write_digest: WriteDigest, text: str, kind: str) -> list[Candidate]:
    return [c for c in events(write_digest, text) if c.kind == kind]


def roles(candidate: Candidate) -> set[tuple[str, str]]:
    return {(p.actor.name, p.role) for p in candidate.participants}


def test_a_mans_surname_after_his_first_name_in_the_genitive_or_dative_is_put_in_the_nominative(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Суд Советского района Гомеля приговорил Максима Знака к десяти годам колонии.\n"
        "Лукашенко 14 мая встретился с губернатором Челябинской области Алексеем Шмидтом.\n"
        "Суд Ленинского района Гродно назначил Андрею Почобуту штраф в размере 1 850 рублей.\n"
    )
    found = events(write_digest, text)
    [sentence] = [c for c in found if c.kind == "sentence"]
    assert ("Максим Знак", "defendant") in roles(sentence)
    [meeting] = [c for c in found if c.kind == "meeting"]
    assert {a.name for a in meeting.actors} == {"Alexander Lukashenka", "Алексей Шмидт"}
    [fine] = [c for c in found if c.kind == "fine"]
    assert ("Андрей Почобут", "target") in roles(fine)


def test_a_court_named_after_the_capital_is_one_body_not_the_government(write_digest: WriteDigest) -> None:
    text = "Ivan Petrov was sentenced to five years in a penal colony by the Minsk Regional Court on Tuesday."
    [sentence] = of_kind(write_digest, text, "sentence")
    assert roles(sentence) == {("Ivan Petrov", "defendant"), ("Minsk Regional Court", "court")}


def test_who_relieved_someone_of_a_post_named_after_the_post_decided(write_digest: WriteDigest) -> None:
    text = "Лукашенко освободил от должности министра экономики Ивана Петрова."
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert roles(dismissal) == {("Alexander Lukashenka", "authority"), ("Иван Петров", "dismissed")}


def test_the_president_whose_decree_dismissed_someone_is_not_the_one_dismissed(
    write_digest: WriteDigest,
) -> None:
    text = "Указом Президента Беларуси Иван Петров освобожден от должности министра экономики."
    [dismissal] = of_kind(write_digest, text, "dismissal")
    assert roles(dismissal) == {("Alexander Lukashenka", "authority"), ("Иван Петров", "dismissed")}


def test_the_one_replaced_is_no_appointee(write_digest: WriteDigest) -> None:
    for text in (
        "On Tuesday Lukashenka appointed Ivan Petrov head of the Presidential Administration, replacing "
        "Igor Sergeenko.",
        "Alexander Lukashenka appointed Ivan Petrov ambassador to Lithuania. He replaced Pavel Sidorov.",
        "Лукашенко назначил Ивана Петрова министром экономики вместо Павла Сидорова.",
    ):
        [appointment] = of_kind(write_digest, text, "appointment")
        assert {p.actor.name.split()[-1] for p in appointment.participants if p.role == "appointee"} in (
            {"Petrov"},
            {"Петров"},
        ), text
        assert (LUKASHENKA, "authority") in {(p.actor.id, p.role) for p in appointment.participants}


def test_the_president_named_only_in_a_post_or_press_service_took_no_part(write_digest: WriteDigest) -> None:
    text = "Помощником президента Беларуси - инспектором по Минской области назначен Иван Петров."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert roles(appointment) == {("Иван Петров", "appointee")}
    text = (
        "The Belarusian president appointed Ivan Petrov ambassador to Russia on Monday, the press service "
        "of the president said."
    )
    assert [c.kind for c in events(write_digest, text)] == ["appointment"]


def test_a_person_speaking_for_a_body_is_the_speaker_not_the_body(write_digest: WriteDigest) -> None:
    for text in (
        "Ivan Petrov, a spokesman for the Belarusian Foreign Ministry, told reporters on Tuesday that no "
        "decision had been taken.",
        "Ivan Petrov, the Kremlin spokesman, told reporters on Tuesday that no decision had been taken.",
        "Иван Петров, пресс-секретарь МИД Беларуси, заявил во вторник, что решение не принято.",
    ):
        [statement] = of_kind(write_digest, text, "statement")
        assert [p.actor.name.split()[-1] for p in statement.participants] in (["Petrov"], ["Петров"]), text


def test_a_former_president_is_not_the_president(write_digest: WriteDigest) -> None:
    text = "The former president of Belarus said on Tuesday that the economy was growing."
    assert not any(LUKASHENKA in {a.id for a in c.actors} for c in events(write_digest, text))


def test_a_central_european_name_with_accents_is_a_person(write_digest: WriteDigest) -> None:
    text = "Polish Foreign Minister Radosław Sikorski met Ivan Petrov in Warsaw on Tuesday."
    [meeting] = of_kind(write_digest, text, "meeting")
    assert {a.name for a in meeting.actors} == {"Radosław Sikorski", "Ivan Petrov"}


def test_the_country_a_diplomat_served_in_expelled_him_when_nobody_else_is_named(
    write_digest: WriteDigest,
) -> None:
    for text in (
        "The head of the Czech diplomatic mission in Belarus, Tomáš Kryl, was declared persona non grata "
        "on Tuesday.",
        "Two Latvian diplomats were expelled from Belarus on Tuesday.",
    ):
        [expulsion] = of_kind(write_digest, text, "expulsion")
        assert ("Belarus", "issuer") in roles(expulsion), text


def test_one_arrested_along_with_the_subject_was_arrested_too(write_digest: WriteDigest) -> None:
    text = "Iryna Petrova was arrested along with her husband, Ivan Petrov, in October 2021."
    [detention] = of_kind(write_digest, text, "detention")
    assert roles(detention) == {("Iryna Petrova", "detainee"), ("Ivan Petrov", "detainee")}


def test_a_russian_surname_alone_names_the_person_named_in_full_before(write_digest: WriteDigest) -> None:
    text = (
        "Лукашенко 14 мая встретился с губернатором Челябинской области Алексеем Шмидтом. "
        "Шмидт заявил, что регион готов расширять поставки."
    )
    [statement] = of_kind(write_digest, text, "statement")
    assert roles(statement) == {("Алексей Шмидт", "speaker")}
    text = (
        "Суд Советского района Гомеля приговорил Ивана Петрова к пяти годам колонии. Петрова задержали 2 мая."
    )
    [detention] = of_kind(write_digest, text, "detention")
    assert roles(detention) == {("Иван Петров", "detainee")}


def test_a_russian_surname_alone_in_the_nominative_keeps_its_form(write_digest: WriteDigest) -> None:
    text = "Во вторник губернатор Шмидт заявил, что регион готов расширять поставки."
    [statement] = of_kind(write_digest, text, "statement")
    assert roles(statement) == {("Шмидт", "speaker")}


def test_a_pronoun_after_the_speech_verb_is_the_speaker(write_digest: WriteDigest) -> None:
    text = "Лукашенко 14 мая встретился с Путиным в Минске. «Мы будем работать вместе», — отметил он."
    [statement] = of_kind(write_digest, text, "statement")
    assert roles(statement) == {("Alexander Lukashenka", "speaker")}


def test_one_met_by_title_and_name_in_the_instrumental_is_not_the_one_who_speaks_next(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Иван Петров 14 мая встретился с президентом республики Александром Лукашенко. "
        "«Мы договорились о поставках», — отметил он."
    )
    [statement] = of_kind(write_digest, text, "statement")
    assert roles(statement) == {("Иван Петров", "speaker")}


def test_what_a_quotation_says_gives_the_statement_no_date_and_no_place(write_digest: WriteDigest) -> None:
    text = (
        "Лукашенко 14 мая встретился с Путиным в Минске.\n"
        "«Делегации побывали в России 2 мая. Мы будем работать вместе», — отметил он.\n"
    )
    [statement] = of_kind(write_digest, text, "statement")
    assert str(statement.date) != "2024-05-02"
    assert statement.places == []


def test_authorities_named_by_their_peoples_adjective_are_that_state(write_digest: WriteDigest) -> None:
    for text, issuer in (
        ("Lithuanian authorities banned Belarusian trucks on Tuesday.", "country:LT"),
        ("Белорусские власти во вторник запретили ввоз литовских яблок.", "org:government-of-belarus"),
    ):
        [ban] = of_kind(write_digest, text, "ban")
        assert [(p.actor.id, p.role) for p in ban.participants] == [(issuer, "issuer")], text


def test_one_who_has_been_named_minister_is_the_appointee(write_digest: WriteDigest) -> None:
    text = "Ivan Petrov, the former deputy minister, has been named the new Minister of Education on Tuesday."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert roles(appointment) == {("Ivan Petrov", "appointee")}


def test_the_author_named_after_an_article_published_it(write_digest: WriteDigest) -> None:
    for text in (
        "In an article published on Tuesday, Lukashenka wrote that Russia and Belarus are brothers.",
        "Статья Александра Лукашенко опубликована в «Российской газете» 14 мая.",
    ):
        [publication] = of_kind(write_digest, text, "publication")
        assert [(p.actor.id, p.role) for p in publication.participants] == [(LUKASHENKA, "publisher")], text
    [report] = of_kind(write_digest, "A report was published on Tuesday about Ivan Petrov.", "publication")
    assert report.participants == []


def test_the_source_of_a_report_is_not_the_court(write_digest: WriteDigest) -> None:
    text = "Как рассказали «Вясне», Ивана Петрова 14 мая приговорили к трем годам колонии."
    [sentence] = of_kind(write_digest, text, "sentence")
    assert roles(sentence) == {("Иван Петров", "defendant")}


def test_names_joined_by_and_before_a_speech_verb_all_speak(write_digest: WriteDigest) -> None:
    for text in (
        "Lukashenka and Putin said on Tuesday that the Union State was strong.",
        "Лукашенко и Путин заявили во вторник, что Союзное государство крепнет.",
    ):
        [statement] = of_kind(write_digest, text, "statement")
        assert {(p.actor.id, p.role) for p in statement.participants} == {
            (LUKASHENKA, "speaker"),
            ("person:vladimir-putin", "speaker"),
        }, text


def test_a_post_in_capitals_is_no_body(write_digest: WriteDigest) -> None:
    text = "Ivan Petrov and Pavel Sidorov, the CEO of the company, signed an agreement in Minsk on Tuesday."
    [signing] = of_kind(write_digest, text, "contract_signing")
    assert {a.name for a in signing.actors} == {"Ivan Petrov", "Pavel Sidorov"}


def test_who_made_the_personnel_decisions_decided_the_appointments_told_next(
    write_digest: WriteDigest,
) -> None:
    for text in (
        "Президент Беларуси Александр Лукашенко 14 мая принял кадровые решения. Председателем Брестского "
        "облисполкома назначен Иван Петров.",
        "Lukashenka appointed Pavel Sidorov governor on Tuesday. Ivan Petrov was appointed minister of "
        "economy.",
    ):
        appointments = of_kind(write_digest, text, "appointment")
        assert all(
            (LUKASHENKA, "authority") in {(p.actor.id, p.role) for p in a.participants} for a in appointments
        )
        assert any("Петров" in a.name or "Petrov" in a.name for c in appointments for a in c.actors), text


def test_a_presidential_decree_is_the_presidents_decision(write_digest: WriteDigest) -> None:
    text = "Ivan Petrov was appointed Belarus' ambassador to Lithuania by presidential decree on Tuesday."
    [appointment] = of_kind(write_digest, text, "appointment")
    assert {(p.actor.id, p.role) for p in appointment.participants} == {
        ("person:ivan-petrov", "appointee"),
        (LUKASHENKA, "authority"),
    }


def test_the_body_a_ban_is_reported_by_is_not_its_issuer(write_digest: WriteDigest) -> None:
    for text in (
        "Lithuania banned Belarusian trucks on Tuesday, the Lithuanian Interior Ministry said.",
        "According to the Lithuanian Interior Ministry, Lithuania banned Belarusian trucks on Tuesday.",
    ):
        [ban] = of_kind(write_digest, text, "ban")
        assert [(p.actor.id, p.role) for p in ban.participants] == [("country:LT", "issuer")], text
