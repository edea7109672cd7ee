"""`kg load DIR` where DIR carries its own `reference/` folder beside its digest: an actor it defines that the
built-in reference data defines too is one actor, its aliases united and the fields one file leaves out taken
from the other; a different name, iso_code or parent is refused, naming both files, the record and the
field, and nothing is written."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.settings import REPO_ROOT, Settings, get_settings
from graph.store import GraphStore
from tests.graph.test_load import rows

SEED = REPO_ROOT / "seed_data"
SHARED = SEED / "2023-04-24_peace-loving-region.yaml"
BUILT_IN = "ru_federal_subjects.yaml"


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


def folder_with_reference(tmp_path: Path, actors: str) -> Path:
    """A digest (seed_data's 24 April one) with its text, and reference/own.yaml holding `actors`."""
    data = tmp_path / "data"
    (data / "reference").mkdir(parents=True)
    shutil.copy(SHARED, data / SHARED.name)
    shutil.copytree(SEED / "sources", data / "sources")
    (data / "reference" / "own.yaml").write_text(f"actors:\n{actors}", encoding="utf-8")
    return data


async def kg_load(kg: CliRunner, data: Path) -> Any:
    return await asyncio.to_thread(kg.invoke, app, ["load", str(data)])


async def test_an_actor_defined_again_with_the_same_identity_is_merged(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    data = folder_with_reference(
        tmp_path,
        "  - {id: 'region:RU-NVS', kind: region, name: Novosibirsk Oblast, aliases: [Novosib],"
        " parent: Russia}\n"
        "  - {id: 'city:novosibirsk', kind: city, name: Novosibirsk, aliases: [Novonikolayevsk]}\n",
    )

    result = await kg_load(kg, data)

    assert result.exit_code == 0, result.output
    found = await rows(
        store,
        "MATCH (a:Actor) WHERE a.id IN ['region:RU-NVS', 'city:novosibirsk'] "
        "OPTIONAL MATCH (a)-[:IN]->(p) RETURN a.id AS id, a.aliases AS aliases, a.iso_code AS iso, "
        "collect(p.id) AS parents ORDER BY id",
    )
    city, region = found
    assert "Novonikolayevsk" in city["aliases"] and "Новосибирск" in city["aliases"]
    assert city["parents"] == ["region:RU-NVS"], "the parent the user's file leaves out is kept"
    assert "Novosib" in region["aliases"] and "Новосибирская область" in region["aliases"]
    assert (region["iso"], region["parents"]) == ("RU-NVS", ["country:RU"]), "Russia is country:RU"


AKADEMGORODOK = "{id: 'city:akademgorodok', kind: city, name: Akademgorodok, iso_code: RU-NVS}"


@pytest.mark.parametrize(
    ("record", "actor", "field", "here", "there", "other_file"),
    [
        ("{id: 'region:RU-NVS', kind: region, name: Novonikolayevsk Governorate}", "region:RU-NVS", "name",
         "Novonikolayevsk Governorate", "Novosibirsk Oblast", BUILT_IN),
        # The built-in places' codes are their ids; two of the user's own files can still disagree.
        (AKADEMGORODOK.replace("RU-NVS", "RU-OMS"), "city:akademgorodok", "iso_code", "RU-OMS", "RU-NVS",
         "reference/first.yaml"),
        ("{id: 'region:RU-NVS', kind: region, name: Novosibirsk Oblast, parent: 'country:KZ'}",
         "region:RU-NVS", "parent", "country:KZ", "country:RU", BUILT_IN),
    ],
    ids=["name", "iso_code", "parent"],
)  # fmt: skip
async def test_an_actor_defined_again_differently_is_refused_naming_both(
    store: GraphStore,
    kg: CliRunner,
    tmp_path: Path,
    record: str,
    actor: str,
    field: str,
    here: str,
    there: str,
    other_file: str,
) -> None:
    data = folder_with_reference(tmp_path, f"  - {record}\n")
    (data / "reference" / "first.yaml").write_text(f"actors:\n  - {AKADEMGORODOK}\n", encoding="utf-8")

    result = await kg_load(kg, data)

    assert result.exit_code == 1, result.output
    message = result.stderr
    assert "nothing was written" in message
    conflict = f"conflicting definitions of '{actor}'"
    [problem] = [line for line in message.splitlines() if conflict in line]
    assert "reference/own.yaml" in problem and other_file in problem, problem
    assert f"field '{field}'" in problem, problem
    assert f"'{here}'" in problem and f"'{there}'" in problem, problem
    assert "Traceback" not in result.output
    assert await rows(store, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
