"""General rules for precision, dates, actors and money (issue 13), each on a sentence of our own."""

from __future__ import annotations

from decimal import Decimal

from graph.ingest.candidates import Candidate, DateSpan
from graph.ingest.dates import find_dates
from graph.ingest.money import find_money
from tests.ingest.conftest import THURSDAY, WriteDigest, events

DAY = DateSpan(THURSDAY, THURSDAY, "day")
LUKASHENKA, PUTIN = "person:alexander-lukashenka", "person:vladimir-putin"


def resolved(text: str, period: DateSpan = DAY) -> list[str]:
    return [str(m.value) for m in find_dates(text, 0, len(text), period)]


def ids(candidate: Candidate) -> set[str]:
    return {a.id for a in candidate.actors}


# Dates


def test_a_weekday_followed_by_its_date_is_that_date() -> None:
    assert resolved("The session opens on Friday, May 17.") == ["2024-05-17"]
    assert resolved("Сессия открылась в пятницу, 17 мая.") == ["2024-05-17"]
    assert resolved("On Monday, 12 people were detained.") == ["2024-05-13"]


def test_early_mid_and_late_months_are_the_month() -> None:
    assert resolved("He went there in early March and again in mid-April.") == ["2024-03", "2024-04"]
    assert resolved("Делегация побывала там в конце марта.") == ["2024-03"]


def test_a_date_in_a_relative_clause_dates_that_clause(write_digest: WriteDigest) -> None:
    text = (
        "The blogger Ivan Petrov, who went on trial in April, was detained in Minsk in November 2023 "
        "by the police."
    )
    [detention] = [c for c in events(write_digest, text) if c.kind == "detention"]
    assert str(detention.date) == "2023-11"


def test_a_date_in_a_cause_is_not_the_events(write_digest: WriteDigest) -> None:
    text = "On Tuesday, Lukashenka criticised Poland in response to the border closure of March 2024."
    [statement] = events(write_digest, text)
    assert str(statement.date) == "2024-05-14"


def test_a_russian_participial_phrase_keeps_its_date(write_digest: WriteDigest) -> None:
    text = "Лукашенко назвал важными договоренности с Путиным, достигнутые на встрече 9 мая."
    statements = [c for c in events(write_digest, text) if c.kind == "statement"]
    assert [str(s.date) for s in statements] == ["2024-05-16"]


def test_names_in_a_cause_take_no_part(write_digest: WriteDigest) -> None:
    text = "On May 14, Lithuania imposed sanctions on Belarus in response to a statement by Putin."
    [sanction] = [c for c in events(write_digest, text) if c.kind == "sanction"]
    assert PUTIN not in ids(sanction)


# Mentions that report no event


def kinds_in(write_digest: WriteDigest, text: str) -> list[str]:
    return [c.kind for c in events(write_digest, text)]


def test_a_planned_or_purposed_event_is_no_event(write_digest: WriteDigest) -> None:
    assert "meeting" not in kinds_in(
        write_digest, "Lukashenka flew to Kazan, where a meeting with Putin is planned."
    )
    assert "sanction" not in kinds_in(
        write_digest, "The new package of sanctions against Belarus is designed to cut its oil revenue."
    )
    text = "A closing session of the Council of Ministers of the Union State will also be held in Minsk."
    assert "meeting" not in kinds_in(write_digest, text)


def test_counted_events_are_a_summary(write_digest: WriteDigest) -> None:
    text = "Since 2020 Lithuania has imposed several rounds of sanctions on Belarus."
    assert "sanction" not in kinds_in(write_digest, text)
    assert "detention" not in kinds_in(write_digest, "The police carried out numerous arrests in Minsk.")


def test_a_general_rule_is_no_event(write_digest: WriteDigest) -> None:
    assert kinds_in(write_digest, "Such restrictions generally prohibit exports of potash to Poland.") == []


def test_what_a_measure_includes_is_its_content(write_digest: WriteDigest) -> None:
    assert (
        kinds_in(write_digest, "Меры предусматривают запреты на въезд и запрет на заключение сделок.") == []
    )
    assert kinds_in(write_digest, "The measures include entry bans for officials of Belarus.") == []


def test_a_view_held_in_a_relative_clause_is_no_statement(write_digest: WriteDigest) -> None:
    text = "On May 14, Lithuania expelled a diplomat of Belarus, which denies any espionage."
    assert "statement" not in kinds_in(write_digest, text)
    said = "On May 14, Lukashenka, who arrived in Moscow, said the talks went well."
    [statement] = [c for c in events(write_digest, said) if c.kind == "statement"]
    assert str(statement.date) == "2024-05-14"


def test_a_medium_passing_on_news_is_no_speaker(write_digest: WriteDigest) -> None:
    text = "Лукашенко встретился с Путиным в Минске, сообщил телеграм-канал «Кремлевский пул»."
    assert kinds_in(write_digest, text) == ["meeting"]
    assert kinds_in(write_digest, "Putin met Lukashenka in Minsk, a Telegram channel reported.") == [
        "meeting"
    ]
    told = "On May 14, Lukashenka told the agency that Belarus was ready."
    assert kinds_in(write_digest, told) == ["statement"]


def test_a_gathering_that_owns_a_document_is_no_meeting(write_digest: WriteDigest) -> None:
    text = "По словам Лукашенко, в проекте декларации форума отражены общие цели."
    assert "meeting" not in kinds_in(write_digest, text)


def test_an_arrest_told_as_background_concerns_nobody_named(write_digest: WriteDigest) -> None:
    text = (
        "On May 14, the police arrested the blogger Ivan Petrov in Minsk. The arrest came amid a "
        "crackdown on activists following protests after a vote that announced Lukashenka the winner."
    )
    found = events(write_digest, text)
    assert [c.kind for c in found] == ["detention"]


# Money


def sums(text: str) -> list[tuple[str, str]]:
    return [(f"{m.amount:f}", m.currency) for m in find_money(text)]


def test_a_sum_in_two_units_is_one_sum() -> None:
    assert sums("contracts worth 2 млрд 150 млн рублей") == [("2150000000", "RUB")]
    assert sums("a loan of 1 billion 300 million dollars") == [("1300000000", "USD")]


def test_a_hyphenated_sum_and_its_conversion_in_brackets() -> None:
    assert sums("ordered to pay a 2,500-ruble ($990) fine") == [("2500", "RUB")]
    assert sums("ukarany grzywną 300 rubli (ok. 450 zł)") == [("300", "RUB")]
    assert sums("USD 2 million and EUR 1 million") == [("2000000", "USD"), ("1000000", "EUR")]


def test_fines_with_different_sums_stay_apart(write_digest: WriteDigest) -> None:
    text = (
        "On May 14, a court in Minsk fined the blogger Ivan Petrov 900 rubles. "
        "The blogger Anna Sidorova was fined 1,200 rubles."
    )
    fines = [c for c in events(write_digest, text) if c.kind == "fine"]
    assert sorted(f"{c.money.amount:f}" for c in fines if c.money) == ["1200", "900"]


def test_a_sum_carried_by_a_sanction(write_digest: WriteDigest) -> None:
    text = "On May 14, Lithuania sanctioned Belarus, freezing assets worth EUR 4 million."
    [sanction] = [c for c in events(write_digest, text) if c.kind == "sanction"]
    assert sanction.money is not None and (sanction.money.amount, sanction.money.currency) == (
        Decimal(4000000),
        "EUR",
    )
    spoken = "On May 14, Lukashenka said trade with Russia was worth USD 50 billion."
    assert [c.money for c in events(write_digest, spoken)] == [None]


# Quotations and statements


def test_a_quotation_over_sentences_in_the_first_person_is_talk(write_digest: WriteDigest) -> None:
    text = (
        "On May 14, Lukashenka met Putin in Minsk.\n"
        "“We are glad you came. You visited Grodno and met our governors. That is good,” Lukashenka said."
    )
    found = events(write_digest, text)
    assert [c.kind for c in found] == ["meeting", "statement"]


def test_a_communique_quoted_in_the_third_person_reports(write_digest: WriteDigest) -> None:
    text = (
        "On May 14, a delegation of Belarus went to Kazan.\n"
        "“As a result, contracts worth 2 billion roubles were signed. The delegation also toured a plant,” "
        "the government of Belarus said."
    )
    assert "contract_signing" in [c.kind for c in events(write_digest, text)]


def test_one_speaker_on_one_day_is_one_statement(write_digest: WriteDigest) -> None:
    text = (
        "On May 16, Lukashenka said Belarus was ready for talks. Putin met the governors in Moscow. "
        "The ministers of both countries discussed trade. The presidents spoke by phone. "
        "“We will not give up,” Lukashenka said."
    )
    statements = [c for c in events(write_digest, text) if c.kind == "statement"]
    assert len(statements) == 1 and len(statements[0].evidence) == 2


# Actors and places


def test_a_court_named_after_its_place_is_one_actor_and_says_where(write_digest: WriteDigest) -> None:
    text = "On May 14, the Vitebsk regional court sentenced the blogger Ivan Petrov to three years in prison."
    [sentence] = events(write_digest, text)
    assert "org:vitebsk-regional-court" in ids(sentence)
    assert [p.id for p in sentence.places] == ["region:BY-VI"]


def test_a_person_after_a_title_with_places_is_the_one_concerned(write_digest: WriteDigest) -> None:
    text = "On May 14, Lukashenka dismissed the Ambassador of Belarus to Lithuania Ivan Petrov."
    [dismissal] = events(write_digest, text)
    roles = {(p.actor.id, p.role) for p in dismissal.participants}
    assert roles == {(LUKASHENKA, "authority"), ("person:ivan-petrov", "dismissed")}


def test_who_someone_is_related_to_takes_no_part(write_digest: WriteDigest) -> None:
    text = "On May 14, the blogger Anna Sidorova, co-chair of the Freedom Movement, was fined 900 rubles."
    [fine] = events(write_digest, text)
    assert ids(fine) == {"person:anna-sidorova"}
    text = "On May 14, Lithuania sanctioned the banker Ivan Petrov, an ally of Russian President Putin."
    [sanction] = [c for c in events(write_digest, text) if c.kind == "sanction"]
    assert PUTIN not in ids(sanction)


def test_who_reports_an_arrest_is_not_arrested(write_digest: WriteDigest) -> None:
    text = "Десять россиян задержаны под Минском 14 мая, сообщил председатель комитета Иван Петров."
    detentions = [c for c in events(write_digest, text) if c.kind == "detention"]
    assert detentions and all("person:ivan-petrov" not in ids(c) for c in detentions)
