"""People the reference data does not know (issue 13): proposed from good evidence, found again when the
text names them by what they are ('the journalist'), and never made up from a headline's capitals. Each
on sentences of our own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph.ingest.document import analyse
from graph.ingest.pipeline import gazetteer_for
from tests.ingest.conftest import FIXTURE_SEED, WriteDigest, events

DAY = date(2023, 3, 14)


def actors(write_digest: WriteDigest, text: str, kind: str) -> list[list[str]]:
    return [[a.id for a in c.actors] for c in events(write_digest, text, DAY) if c.kind == kind]


def test_the_journalist_fined_is_the_person_named_before(write_digest: WriteDigest) -> None:
    text = (
        "Ivan Petrov was detained in Brest on Monday. The next day the district court fined the journalist."
    )
    assert actors(write_digest, text, "fine") == [["person:ivan-petrov"]]


def test_a_russian_role_noun_after_the_court_is_the_one_fined(write_digest: WriteDigest) -> None:
    text = "Во вторник в Бресте задержали Ивана Петрова. В среду суд Бреста оштрафовал блогера на 500 рублей."
    [fine] = actors(write_digest, text, "fine")
    assert "person:ivan-petrov" in fine


def test_a_role_noun_never_stands_for_an_official_or_someone_the_reference_knows(
    write_digest: WriteDigest,
) -> None:
    text = (
        "Lukashenka met Governor Alexei Teksler in Minsk on Monday. On Tuesday a court fined the journalist."
    )
    assert actors(write_digest, text, "fine") in ([], [[]])


def test_words_after_a_role_noun_in_a_title_cased_headline_are_no_name(write_digest: WriteDigest) -> None:
    text = (
        "Photographer Fined for Cooperation with Belsat in Hrodna\n"
        "On Tuesday Ivan Petrov was detained in Hrodna. "
        "The judge of the district court fined the photographer 500 rubles."
    )
    assert actors(write_digest, text, "fine") == [["person:ivan-petrov"]]
    digest = analyse(Path("digest.txt"), text, gazetteer_for(FIXTURE_SEED), published=DAY)
    assert [m.best.id for m in digest.mentions if m.best.kind == "person"] == ["person:ivan-petrov"]


def test_a_surname_alone_names_the_person_known_by_full_name_before(write_digest: WriteDigest) -> None:
    text = (
        "Leonid Zayats, Deputy Prime Minister of Belarus, arrived in Tashkent on Tuesday.\n"
        '"The range of issues is wide," Zayats stressed on Tuesday.'
    )
    [statement] = [c for c in events(write_digest, text, DAY) if c.kind == "statement"]
    assert [a.id for a in statement.actors] == ["person:leonid-zayats"]


def test_a_surname_two_people_named_before_bear_names_neither(write_digest: WriteDigest) -> None:
    text = (
        "Ivan Petrov and Pavel Petrov were detained in Brest on Monday.\n"
        '"We will appeal," Petrov said on Tuesday.'
    )
    statements = [c for c in events(write_digest, text, DAY) if c.kind == "statement"]
    petrovs = {"person:ivan-petrov", "person:pavel-petrov"}
    assert all(not petrovs & {a.id for a in s.actors} for s in statements)
