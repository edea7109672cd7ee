"""Titles read as their holder on the text's date (graph/ingest/holders.yaml, the dated office-holder
table), on sentences of our own: the same title names different people at different dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import ValidationFailed
from graph.ingest.document import analyse
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.holders import HOLDERS_FILE, load_holders
from graph.ingest.pipeline import gazetteer_for, ingest
from graph.ingest.tokens import normalize_phrase
from tests.ingest.conftest import WriteDigest, events

SEED = Path(__file__).resolve().parents[2] / "seed_data"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The project's reference data (every Russian region), not the tests' small stand-in."""
    return gazetteer_for(SEED)


def people(text: str, gazetteer: Gazetteer, day: date) -> list[str]:
    digest = analyse(Path("digest.txt"), text, gazetteer, published=day)
    return [m.best.id for m in digest.mentions if m.best.kind == "person"]


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        (date(2021, 6, 1), "person:vladimir-makei"),
        (date(2023, 6, 1), "person:sergei-aleinik"),
        (date(2025, 6, 1), "person:maxim-ryzhenkov"),
    ],
)
def test_the_belarusian_foreign_minister_is_who_held_the_post_that_day(
    gazetteer: Gazetteer, day: date, holder: str
) -> None:
    assert people("The Belarusian foreign minister flew to Beijing on Monday.", gazetteer, day) == [holder]
    assert people("Глава МИД Беларуси вылетел в Пекин.", gazetteer, day) == [holder]


@pytest.mark.parametrize(
    ("day", "holder"),
    [(date(2016, 3, 1), "person:andrei-turchak"), (date(2019, 3, 1), "person:mikhail-vedernikov")],
)
def test_a_governor_named_by_his_region_before_or_after_the_title(
    gazetteer: Gazetteer, day: date, holder: str
) -> None:
    assert people("The governor of the Pskov region arrived in Minsk.", gazetteer, day) == [holder]
    assert people("The Pskov Governor arrived in Minsk.", gazetteer, day) == [holder]
    assert people("Губернатор Псковской области прибыл в Минск.", gazetteer, day) == [holder]


def test_the_russian_prime_minister_and_defence_minister_change_with_the_date(gazetteer: Gazetteer) -> None:
    text = "Премьер-министр России и министр обороны России прибыли в Минск."
    assert people(text, gazetteer, date(2019, 5, 1)) == ["person:dmitry-medvedev", "person:sergei-shoigu"]
    assert people(text, gazetteer, date(2024, 9, 1)) == ["person:mikhail-mishustin", "person:andrei-belousov"]


def test_an_ambassador_is_the_one_his_country_sent_to_the_host(gazetteer: Gazetteer) -> None:
    text = "The Russian Ambassador to Belarus laid flowers in Minsk."
    assert people(text, gazetteer, date(2019, 1, 10)) == ["person:mikhail-babich"]
    assert people(text, gazetteer, date(2023, 1, 10)) == ["person:boris-gryzlov"]
    assert people("The Russian ambassador to Poland was summoned.", gazetteer, date(2023, 1, 10)) == []


def test_a_bare_title_is_the_holder_the_text_named_before_not_the_main_countrys(gazetteer: Gazetteer) -> None:
    text = (
        "Александр Лукашенко встретился с губернатором Рязанской области России. "
        "Глава государства отметил рост товарооборота с Россией и российским регионом."
    )
    found = people(text, gazetteer, date(2023, 3, 16))
    assert found == ["person:alexander-lukashenka", "person:pavel-malkov", "person:alexander-lukashenka"]


def test_former_deputy_and_plural_titles_name_no_holder(gazetteer: Gazetteer) -> None:
    day = date(2023, 6, 1)
    assert people("The former Russian defence minister was seen in Minsk.", gazetteer, day) == []
    assert people("Губернаторы российских регионов приехали в Минск.", gazetteer, day) == []
    assert people("The Belarusian Deputy Prime Minister went to Moscow.", gazetteer, day) == []


def test_a_title_holder_takes_part_in_the_event(write_digest: WriteDigest) -> None:
    text = "The Belarusian Foreign Minister met the Russian Ambassador in Minsk on Tuesday."
    [meeting] = [c for c in events(write_digest, text, date(2023, 6, 1)) if c.kind == "meeting"]
    assert {a.id for a in meeting.actors} == {"person:sergei-aleinik", "person:boris-gryzlov"}


def test_the_tables_people_are_found_by_name_in_any_case(gazetteer: Gazetteer) -> None:
    text = "Лукашенко провел переговоры с Михаилом Мишустиным и Сергеем Шойгу."
    assert people(text, gazetteer, date(2022, 1, 1)) == [
        "person:alexander-lukashenka", "person:mikhail-mishustin", "person:sergei-shoigu",
    ]  # fmt: skip


def test_every_entry_has_a_source_and_no_name_is_shared_with_another_person(gazetteer: Gazetteer) -> None:
    holders = load_holders(HOLDERS_FILE)
    owners: dict[str, set[str]] = {}
    for person in holders.people:
        for name in {person.name, *person.aliases}:
            owners.setdefault(normalize_phrase(name), set()).add(person.id)
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}
    for person in holders.people:
        for name in gazetteer.names[person.id]:
            assert {a.id for a in gazetteer.lookup(name)} == {person.id}, name
    assert all(t.person in {p.id for p in holders.people} for t in holders.terms)


def test_a_broken_table_is_named_with_its_record_and_field(tmp_path: Path) -> None:
    table = tmp_path / "holders.yaml"
    table.write_text(
        "people:\n  - id: person:ivan-petrov\n    name: Ivan Petrov\n    source: https://example.org\n"
        "    held:\n      - {office: chancellor, of: country:BY, from: 2020-01-01, until: null}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed, match="unknown office 'chancellor'") as raised:
        load_holders(table)
    assert raised.value.location is not None
    assert (raised.value.location.record, raised.value.location.field) == ("person:ivan-petrov", "held")


def test_a_title_in_an_oblique_case_before_a_speech_verb_is_not_its_speaker(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Рабочую неделю Президента Беларуси открывает встреча с губернатором Тульской области, сообщили в "
        "программе «Новости недели»."
    )
    found = ingest(write_digest(text), SEED, published=date(2023, 3, 14)).candidates
    meeting = ("meeting", ["person:alexander-lukashenka", "person:alexei-dyumin"])
    assert [(c.kind, [a.id for a in c.actors]) for c in found] == [meeting]


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        (
            "Председатель Палаты представителей выступил в Минске.",
            date(2023, 5, 1),
            "person:vladimir-andreichenko",
        ),
        ("Председатель Палаты представителей выступил в Минске.", date(2025, 5, 1), "person:igor-sergeenko"),
        ("The Speaker of the State Duma arrived in Minsk.", date(2023, 5, 1), "person:vyacheslav-volodin"),
        ("Председатель Совета Федерации прибыла в Минск.", date(2023, 5, 1), "person:valentina-matviyenko"),
        ("The Kremlin spokesman declined to comment.", date(2023, 5, 1), "person:dmitry-peskov"),
        ("Официальный представитель МИД России заявила протест.", date(2023, 5, 1), "person:maria-zakharova"),
    ],
)
def test_a_chamber_or_a_ministry_names_whose_speaker_or_spokesperson_it_is(
    gazetteer: Gazetteer, text: str, day: date, holder: str
) -> None:
    assert people(text, gazetteer, day) == [holder]


def test_a_title_in_apposition_to_a_name_is_that_persons_not_the_tables(gazetteer: Gazetteer) -> None:
    text = "Ivan Petrov, the Russian foreign minister, arrived in Minsk. Lavrov met Makei on Monday."
    assert people(text, gazetteer, date(2021, 5, 1)) == [
        "person:ivan-petrov", "person:sergei-lavrov", "person:vladimir-makei",
    ]  # fmt: skip
    text = "Lukashenka met Putin. The Belarusian president said the talks went well."
    assert people(text, gazetteer, date(2021, 5, 1))[-1] == "person:alexander-lukashenka"


def test_a_post_someone_is_given_names_no_holder(gazetteer: Gazetteer) -> None:
    day = date(2023, 6, 1)
    for text in (
        "Лукашенко назначил Ивана Петрова послом Беларуси в России.",
        "Иван Петров назначен послом Беларуси в России.",
        "Lukashenka appointed Ivan Petrov ambassador to Russia on Monday.",
    ):
        assert "person:dmitry-krutoi" not in people(text, gazetteer, day), text
