"""One name index (graph/names): exact names in any case, accents or quotes; close names in any script."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from graph.cli import app
from graph.names import CLOSE, NameIndex, latin_key, normalise, search_words
from graph.names.review import close_actors

SEED = Path(__file__).resolve().parents[2] / "seed_data"


def index() -> NameIndex:
    names = NameIndex()
    names.add("person:alexander-lukashenka", "Alexander Lukashenka", ["Lukashenka", "Лукашенко"], "person")
    names.add("person:roman-golovchenko", "Roman Golovchenko", ["Golovchenko"], "person")
    names.add("person:vladimir-putin", "Vladimir Putin", ["Putin", "Путин"], "person")
    names.add("country:RU", "Russia", ["Российская Федерация"], "country", codes=["RU"])
    names.add("region:BY-HR", "Grodno Region", ["Гродзенская вобласць"], "region")
    names.add("region:RU-RYA", "Ryazan Oblast", ["Разанская вобласць"], "region")
    return names


def test_exact_names_ignore_case_diacritics_and_quotes() -> None:
    names = index()
    assert normalise("«Лукашэнка»") == normalise("лукашэнка") == "лукашэнка"
    assert names.candidates("LUKASHENKA") == ("person:alexander-lukashenka",)
    assert names.candidates("'Russia'") == ("country:RU",)
    assert names.candidates("ru") == ("country:RU",), "codes are exact names"
    assert names.similar("RV") == [], "codes and short names are never matched approximately"


def test_close_names_in_any_script() -> None:
    names = index()
    assert latin_key("Лукашэнка") == "lukashenka"
    assert latin_key("Головченко") == "golovchenko"
    for typed in ("Lukashenko", "Лукашэнка", "Lukaschenko", "lukashenka"):
        best = names.similar(typed)[0]
        assert best.id == "person:alexander-lukashenka" and best.score >= 0.9, typed
    assert names.similar("Лукашенко")[0].matched == "Лукашенко", "the name as typed when it is one"
    assert names.similar("Головченко")[0].id == "person:roman-golovchenko"
    assert [hit.id for hit in names.similar("Putin", kinds=("country",))] == []


def test_a_new_actor_close_to_a_known_one_is_a_candidate_not_a_new_person() -> None:
    names = index()
    found = names.actor_candidates("Roman Golovchenka", "person")
    assert [(actor_id, score) for actor_id, score, _ in found] == [("person:roman-golovchenko", 0.941)]
    assert "'Roman Golovchenka' is close (0.94) to 'Roman Golovchenko'" in found[0][2]
    by_alias = names.actor_candidates("Aliaksandr Lukashenko", "person", aliases=["Лукашэнка"])
    assert by_alias[0][:2] == ("person:alexander-lukashenka", 1.0)
    assert names.actor_candidates("Ivan Ivanov", "person") == []
    assert names.actor_candidates("Golovchenko", "city") == [], "only actors of the same kind"
    assert names.actor_candidates("Гродзенская вобласць", "region", exclude=["region:BY-HR"]) == [], (
        f"a shared word ('вобласць') is not closeness: the cut-off {CLOSE} is for whole names"
    )


def test_close_actors_lists_each_pair_once_known_actor_first() -> None:
    names = index()
    names.add("person:roman-golovchenka", "Roman Golovchenka", [], "person")
    new = [("person:roman-golovchenka", "Roman Golovchenka", [], "person")]
    pairs = close_actors(names, new, known_first=lambda left, right: left == "person:roman-golovchenko")
    assert [(p.fact, p.incoming, p.action) for p in pairs] == [
        ("person:roman-golovchenko", "person:roman-golovchenka", "review")
    ]


def test_validate_warns_about_a_new_actor_close_to_a_known_one(tmp_path: Path) -> None:
    digest = tmp_path / "digest.yaml"
    digest.write_text(
        "actors:\n  - {id: 'person:roman-golovchenka', kind: person, name: Roman Golovchenka}\n"
    )
    result = CliRunner().invoke(app, ["validate", str(SEED), str(digest)])
    assert result.exit_code == 0, result.output
    assert (
        "warning: new actor person:roman-golovchenka may be person:roman-golovchenko: 'Roman Golovchenka' is "
        "close (0.94) to 'Roman Golovchenko'" in result.stderr
    )
    assert "kg review --decide different person:roman-golovchenko person:roman-golovchenka" in result.stderr
    assert "region:" not in result.stderr, "the reference data's own actors are not new"


def test_a_latin_name_finds_an_actor_known_only_in_cyrillic_and_the_reverse() -> None:
    names = NameIndex()
    names.add("person:golovchenko", "Роман Головченко", [], "person")
    names.add("person:lukashenko", "Aleksandr Lukashenko", [], "person")

    assert [hit.id for hit in names.similar("Golovchenko")] == ["person:golovchenko"]
    assert [hit.id for hit in names.similar("Лукашенко")] == ["person:lukashenko"]
    assert [each[0] for each in names.actor_candidates("Roman Golovchenko", "person")] == [
        "person:golovchenko"
    ]


def test_a_name_is_looked_up_in_the_database_in_both_scripts() -> None:
    assert search_words("Golovchenko") == ["golovchenko", "головченко"]
    assert search_words("Лукашенко") == ["лукашенко", "lukashenko"]
