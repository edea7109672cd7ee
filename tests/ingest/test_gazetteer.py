"""Known actors are found under every name, in any inflection; unknown names become proposals."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ValidationFailed
from graph.ingest.candidates import ActorRef
from graph.ingest.gazetteer import Gazetteer, load_gazetteer, reference_files
from graph.ingest.tokens import tokenize

REPO_SEED = Path(__file__).resolve().parents[2] / "seed_data"


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[m.span.start : m.span.end], m.best.id) for m in gazetteer.find(text, tokenize(text))]


def test_english_and_cyrillic_aliases(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Lukashenko met Путин in the Kaluga region.") == [
        ("Lukashenko", "person:alexander-lukashenka"),
        ("Путин", "person:vladimir-putin"),
        ("Kaluga region", "region:RU-KLU"),
    ]


def test_russian_inflections_match_the_dictionary_form(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Делегация посетила Калужскую область и встретилась с Путиным.") == [
        ("Калужскую область", "region:RU-KLU"),
        ("Путиным", "person:vladimir-putin"),
    ]


def test_a_possessive_still_names_the_actor(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Russia’s war") == [("Russia", "country:RU")]


def test_a_short_form_of_a_region_is_a_weaker_guess(gazetteer: Gazetteer) -> None:
    [mention] = gazetteer.find("visit to Kaluga", tokenize("visit to Kaluga"))
    assert mention.best.id == "region:RU-KLU" and mention.best.confidence < 1


def test_similar_names_resolve_only_when_unambiguous(gazetteer: Gazetteer) -> None:
    similar = gazetteer.similar("Alexandr Lukashenka", "person")
    assert similar is not None and similar.id == "person:alexander-lukashenka"
    assert gazetteer.similar("Government", "organization") is None


def test_a_name_in_the_other_script_finds_the_actor_through_the_one_name_index() -> None:
    gazetteer = Gazetteer()
    gazetteer.add(ActorRef("person:roman-golovchenko", "Roman Golovchenko", "person", known=True), [])
    gazetteer.add(ActorRef("person:andrei-travnikov", "Андрей Травников", "person", known=True), [])

    cyrillic = gazetteer.similar("Роман Головченко", "person")
    latin = gazetteer.similar("Andrey Travnikov", "person")

    assert cyrillic is not None and cyrillic.id == "person:roman-golovchenko"
    assert latin is not None and latin.id == "person:andrei-travnikov"
    assert gazetteer.similar("Roman Golovkin", "person") is None, "below the index's CLOSE cut-off"


def test_a_broken_reference_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - id: person:x\n    kind: alien\n    name: X\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"bad\.yaml") as error:
        load_gazetteer([bad])
    assert "alien" in str(error.value)


def test_a_federal_city_is_the_place_its_qualified_name_names() -> None:
    """'went to Moscow': the city is the region "Moscow (city)", found exactly, while the bare name
    'Moscow' outside a place context stays the Russian government's alias."""
    gazetteer = load_gazetteer(reference_files(REPO_SEED))
    entries = gazetteer.find("to Moscow", tokenize("to Moscow"))
    [mention] = entries
    places = [c for c in mention.candidates if c.kind == "region"]
    assert mention.best.id == "org:government-of-russia"
    assert places[0].id == "region:RU-MOW" and places[0].confidence == 1
