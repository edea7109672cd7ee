"""Week after week: a digest loaded into a graph that holds earlier loads names the actors those loads (or an
API mutation) brought by their names and aliases, in any script, and they resolve against the database
through the one name index; a name close to a stored actor's is a candidate, never silently a new person."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.load import load_paths
from graph.settings import REPO_ROOT, Settings, get_settings
from graph.store import GraphStore
from graph.write.upsert import upsert_actor
from tests.graph.test_load import rows

SEED = REPO_ROOT / "seed_data"

EARLIER = """\
actors:
  - id: person:ivan-sidorov
    kind: person
    name: Ivan Sidorov
    aliases: [Sidorov, Иван Сидоров]
    country: country:BY
"""
TEXT = (
    "Ivan Sidorov met Olga Kuznetsova in Minsk on 3 May.\n"
    "Иван Сидоров встретился с Ольгой Кузнецовой 4 мая.\n"
    "Sidorov spoke in Vitebsk on 5 May.\n"
)
WEEK = """\
source:
  id: source:test-week-2023-05-01
  title: A week of meetings
  publisher: Test Weekly (invented for the tests)
  language: en
  text_file: week.txt
events:
  - id: event:2023-05-03-sidorov-kuznetsova-meeting
    kind: meeting
    title: Sidorov meets Kuznetsova
    date: 2023-05-03
    participants:
      - {actor: Ivan Sidorov, role: participant}
      - {actor: Olga Kuznetsova, role: participant}
    evidence:
      - quote: Ivan Sidorov met Olga Kuznetsova in Minsk on 3 May.
  - id: event:2023-05-04-sidorov-kuznetsova-meeting
    kind: meeting
    title: Сидоров и Кузнецова
    date: 2023-05-04
    participants:
      - {actor: Иван Сидоров, role: participant}
      - {actor: Ольга Кузнецова, role: participant}
    evidence:
      - quote: Иван Сидоров встретился с Ольгой Кузнецовой 4 мая.
  - id: event:2023-05-05-sidorov-speech
    kind: statement
    title: Sidorov speaks
    date: 2023-05-05
    participants: [{actor: Sidorov, role: speaker}]
    evidence:
      - quote: Sidorov spoke in Vitebsk on 5 May.
"""


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


def folder(root: Path, name: str, files: dict[str, str]) -> Path:
    made = root / name
    made.mkdir()
    for file_name, text in files.items():
        (made / file_name).write_text(text, encoding="utf-8")
    return made


async def kg_run(kg: CliRunner, *arguments: str) -> Any:
    return await asyncio.to_thread(kg.invoke, app, list(arguments))


async def participants(store: GraphStore, event_id: str) -> list[str]:
    found = await rows(
        store,
        "MATCH (:Event {id: $id})-[:PARTICIPANT]->(a:Actor) RETURN a.id AS id ORDER BY id",
        id=event_id,
    )
    return [row["id"] for row in found]


async def test_names_and_aliases_the_graph_knows_resolve_in_a_later_load(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    await load_paths(store, [SEED], reference_dir=SEED / "reference")
    earlier = await kg_run(kg, "load", str(folder(tmp_path, "earlier", {"people.yaml": EARLIER})))
    assert earlier.exit_code == 0, earlier.output
    await upsert_actor(
        store,
        {"id": "person:olga-kuznetsova", "kind": "person", "name": "Olga Kuznetsova",
         "aliases": ["Ольга Кузнецова"]},
        "analyst-anna",
    )  # fmt: skip
    actors = await rows(store, "MATCH (a:Actor) RETURN count(a) AS n")

    week = await kg_run(kg, "load", str(folder(tmp_path, "week", {"week.yaml": WEEK, "week.txt": TEXT})))

    assert week.exit_code == 0, week.output
    assert await rows(store, "MATCH (a:Actor) RETURN count(a) AS n") == actors, "no new actor"
    both = ["person:ivan-sidorov", "person:olga-kuznetsova"]
    assert await participants(store, "event:2023-05-03-sidorov-kuznetsova-meeting") == both
    assert await participants(store, "event:2023-05-04-sidorov-kuznetsova-meeting") == both
    assert await participants(store, "event:2023-05-05-sidorov-speech") == ["person:ivan-sidorov"]


async def test_a_name_close_to_a_stored_actor_is_a_candidate_or_a_hint_never_a_new_person(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    await load_paths(store, [folder(tmp_path, "earlier", {"people.yaml": EARLIER})])
    newcomer = "actors:\n  - {id: 'person:ivan-sidorow', kind: person, name: Ivan Sidorow}\n"
    typo = WEEK.replace("{actor: Sidorov, role: speaker}", "{actor: Sidorof, role: speaker}")

    new_actor = await kg_run(kg, "load", str(folder(tmp_path, "new", {"people.yaml": newcomer})))
    misnamed = await kg_run(kg, "load", str(folder(tmp_path, "week", {"week.yaml": typo, "week.txt": TEXT})))

    assert new_actor.exit_code == 0, new_actor.output
    assert (
        "warning: new actor person:ivan-sidorow may be person:ivan-sidorov: 'Ivan Sidorow' is close"
        in new_actor.stderr
    )
    review = await kg_run(kg, "review", "--kind", "actor")
    assert "person:ivan-sidorov" in review.output and "person:ivan-sidorow" in review.output
    assert misnamed.exit_code != 0
    assert "unknown actor 'Sidorof'; did you mean person:ivan-sidorov (Ivan Sidorov)" in misnamed.stderr
    assert "nothing was written" in misnamed.stderr
    assert await rows(store, "MATCH (e:Event) RETURN count(e) AS n") == [{"n": 0}]
