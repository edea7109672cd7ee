"""Synthetic digests in the seed-file format, at any size, for load benchmarks.

    .venv/bin/python benchmarks/synthetic.py OUT_DIR --events 100000 [--events-per-file 1000] [--seed 1]

Writes OUT_DIR/reference/actors.yaml (real countries and Russian/Belarusian regions from pycountry, plus
made-up cities, people and organisations) and OUT_DIR/digest-NNNNN.yaml with OUT_DIR/sources/*.txt: events
with about five links each (two participants, a place, a topic, evidence, plus their days), some contract
signings with their agreements, offices and claims. Every quote is a sentence of the digest's text. One
file is built and written at a time, so any size fits in memory.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pycountry
import yaml

FIRST_NAMES = [
    "Aliaksandr",
    "Roman",
    "Vladimir",
    "Andrei",
    "Sergei",
    "Natalia",
    "Olga",
    "Dmitry",
    "Maria",
    "Pavel",
]
LAST_NAMES = [
    "Kovalenko",
    "Ivanova",
    "Petrov",
    "Sidorov",
    "Lebedev",
    "Morozova",
    "Volkov",
    "Sokolov",
    "Orlova",
]
ORG_KINDS = ["government", "ministry", "company", "ngo", "military", "media", "agency"]
COUNTRIES = [
    "BY",
    "RU",
    "UA",
    "PL",
    "LT",
    "LV",
    "MD",
    "KZ",
    "CN",
    "DE",
    "FR",
    "US",
    "GB",
    "TR",
    "IR",
    "AM",
    "AZ",
]
EVENT_KINDS = ["visit", "meeting", "statement", "ban", "publication", "contract_signing"]
CURRENCY_RATES = {"USD": None, "RUB": "0.0125", "EUR": "1.08", "CNY": "0.145", "BYN": "0.39"}
FIRST_DAY = date(2020, 1, 1)


@dataclass
class Cast:
    """The actors digests can mention: ids, plus names for the references written by name."""

    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    people: list[tuple[str, str]] = field(default_factory=list)
    organisations: list[tuple[str, str]] = field(default_factory=list)


def reference_actors(
    people: int, organisations: int, cities: int, rng: random.Random
) -> tuple[list[Any], Cast]:
    cast = Cast()
    actors: list[dict[str, Any]] = []
    for code in COUNTRIES:
        country_name = getattr(pycountry.countries.get(alpha_2=code), "name", code)
        actors.append({"id": f"country:{code}", "kind": "country", "name": f"{country_name} (synthetic)"})
        cast.countries.append(f"country:{code}")
    regions = [s for s in pycountry.subdivisions if s.country_code in ("RU", "BY")]
    for region in regions:
        actors.append(
            {
                "id": f"region:{region.code}",
                "kind": "region",
                "name": f"{region.name} (synthetic)",
                "parent": f"country:{region.country_code}",
            }
        )
        cast.places.append(f"region:{region.code}")
    for index in range(cities):
        region = rng.choice(regions)
        actors.append(
            {
                "id": f"city:city-{index}",
                "kind": "city",
                "name": f"Synthetic City {index}",
                "parent": f"region:{region.code}",
                "location": {"lat": round(rng.uniform(50, 60), 4), "lon": round(rng.uniform(25, 90), 4)},
            }
        )
        cast.places.append(f"city:city-{index}")
    for index in range(people):
        name = f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[index % len(LAST_NAMES)]} {index}"
        person_id = f"person:person-{index}"
        actors.append(
            {
                "id": person_id,
                "kind": "person",
                "name": name,
                "aliases": [f"P{index} {LAST_NAMES[index % len(LAST_NAMES)]}"],
                "country": rng.choice(cast.countries),
            }
        )
        cast.people.append((person_id, name))
    for index in range(organisations):
        org_id = f"org:org-{index}"
        name = f"Synthetic Organisation {index}"
        actors.append(
            {
                "id": org_id,
                "kind": "organization",
                "org_kind": ORG_KINDS[index % len(ORG_KINDS)],
                "name": name,
                "aliases": [f"SO-{index}"],
                "country": rng.choice(cast.countries),
            }
        )
        cast.organisations.append((org_id, name))
    return actors, cast


def digest(
    number: int, first_event: int, events: int, cast: Cast, rng: random.Random
) -> tuple[dict[str, Any], str]:
    """One digest file's content and its source text."""
    sentences: list[str] = []
    records: dict[str, list[dict[str, Any]]] = {"events": [], "agreements": [], "offices": [], "claims": []}

    def say(sentence: str) -> str:
        sentences.append(sentence)
        return sentence

    for serial in range(first_event, first_event + events):
        kind = rng.choice(EVENT_KINDS)
        person_id, person_name = rng.choice(cast.people)
        org_id, org_name = rng.choice(cast.organisations)
        place = rng.choice(cast.places)
        start = FIRST_DAY + timedelta(days=rng.randrange(5 * 365))
        when = _date(start, rng)
        quote = say(
            f"Event {serial}: {person_name} and {org_name} took part in a {kind} on {start.isoformat()}."
        )
        event: dict[str, Any] = {
            "id": f"event:synthetic-{serial}",
            "kind": kind,
            "title": f"Synthetic {kind} number {serial}",
            "date": when,
            "participants": [
                {"actor": person_name if rng.random() < 0.2 else person_id, "role": "speaker"},
                {"actor": org_name if rng.random() < 0.2 else org_id, "role": "organizer"},
            ],
            "places": [place],
            "about": [rng.choice(cast.countries)],
            "evidence": [{"quote": quote}],
        }
        if records["events"] and rng.random() < 0.1:
            event["part_of"] = rng.choice(records["events"])["id"]
        if kind == "contract_signing":
            agreement = _agreement(serial, org_id, place, say, rng)
            records["agreements"].append(agreement)
            event["produced"] = [agreement["id"]]
        records["events"].append(event)
    for index in range(max(1, events // 200)):
        person_id, person_name = rng.choice(cast.people)
        org_id, org_name = rng.choice(cast.organisations)
        quote = say(f"{person_name} heads {org_name} (office {number}-{index}).")
        records["offices"].append(
            {
                "id": f"office:synthetic-{number}-{index}",
                "person": person_id,
                "title": "Head",
                "of": org_id,
                "start": str(2015 + index % 8),
                "evidence": [{"quote": quote}],
            }
        )
        quote = say(f"Claim {number}-{index}: {org_name} employs {1000 + index} people.")
        records["claims"].append(
            {
                "id": f"claim:synthetic-{number}-{index}",
                "text": quote,
                "about": [org_id],
                "property": "employees",
                "value": 1000 + index,
                "evidence": [{"quote": quote}],
            }
        )
    source = {
        "id": f"source:synthetic-digest-{number}",
        "title": f"Synthetic digest {number}",
        "publisher": "Synthetic",
        "language": "en",
        "text_file": f"sources/digest-{number:05d}.txt",
    }
    return {"source": source, **{key: value for key, value in records.items() if value}}, "\n".join(sentences)


def _date(start: date, rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.85:
        return start.isoformat()
    if roll < 0.98:
        return {"start": start.isoformat(), "end": (start + timedelta(days=rng.randint(1, 2))).isoformat()}
    return start.isoformat()[:7]


def _agreement(serial: int, org_id: str, place: str, say: Any, rng: random.Random) -> dict[str, Any]:
    currency = rng.choice(list(CURRENCY_RATES))
    amount = rng.randrange(1, 500) * 100_000
    value: dict[str, Any] = {"amount": str(amount), "currency": currency}
    rate = CURRENCY_RATES[currency]
    if rate is not None:
        value["usd"] = {"amount": f"{amount * float(rate):.2f}", "rate": rate, "rate_date": "2023-01-02"}
    quote = say(f"Contracts {serial} worth {amount} {currency} were signed.")
    return {
        "id": f"agreement:synthetic-{serial}",
        "kind": "contract",
        "title": f"Synthetic contracts {serial}",
        "status": "signed",
        "value": value,
        "parties": [{"actor": org_id, "side": "first"}, {"actor": place, "side": "second"}],
        "evidence": [{"quote": quote}],
    }


def write_yaml(path: Path, content: dict[str, Any]) -> None:
    text = yaml.dump(content, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(text, encoding="utf-8")


def generate(out: Path, events: int, events_per_file: int = 1000, seed: int = 1) -> int:
    """Write the synthetic seed folder; return the number of digest files."""
    rng = random.Random(seed)
    (out / "reference").mkdir(parents=True, exist_ok=True)
    (out / "sources").mkdir(exist_ok=True)
    actors, cast = reference_actors(people=2000, organisations=500, cities=300, rng=rng)
    write_yaml(out / "reference" / "actors.yaml", {"actors": actors})
    files = 0
    for first in range(0, events, events_per_file):
        files += 1
        content, text = digest(files, first, min(events_per_file, events - first), cast, rng)
        (out / "sources" / f"digest-{files:05d}.txt").write_text(text, encoding="utf-8")
        write_yaml(out / f"digest-{files:05d}.yaml", content)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--events-per-file", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    files = generate(arguments.out, arguments.events, arguments.events_per_file, arguments.seed)
    print(f"{arguments.events} events in {files} digest files under {arguments.out}")


if __name__ == "__main__":
    main()
