"""An operator backs the graph up with `kg backup`, something goes wrong, and `kg restore` brings back the
very same graph: every node with its labels and properties, every relationship with its type, properties and
endpoints, each value of the same Neo4j type. Bad paths are refused with a clear message, and a refused
restore leaves the graph as it was."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import GraphDatabase
from typer.testing import CliRunner

from graph.cli import app
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from tests.conftest import SEED

# Values of every property type Neo4j has, in places the seed does not use them.
PROBE = """
CREATE (p:Probe:Second {
  id: 'probe:1', day: date('2023-04-24'), at: datetime('2023-04-24T10:11:12.123456789+03:00'),
  zoned: datetime({year: 2023, month: 10, day: 29, hour: 2, minute: 30, timezone: 'Europe/Berlin'}),
  local: localdatetime('2023-04-24T10:11:12.5'), clock: time('10:11:12+02:00'),
  wall: localtime('23:59:59.999999999'), took: duration('P1Y2M3DT4H5M6.000000007S'),
  where: point({longitude: 27.56, latitude: 53.9}),
  high: point({longitude: 27.5, latitude: 53.9, height: 200.5}),
  flat: point({x: 1, y: 2}), solid: point({x: 1, y: 2, z: 3}), huge: 9223372036854775807, tiny: 0.1,
  endless: 1.0 / 0.0, text: 'Лукашенко "quoted" \\n {"$date": "not a date"}', yes: true,
  days: [date('2023-01-01'), date('2023-12-31')], none: [], blob: $blob
})
CREATE (bare)
CREATE (p)-[:SEES {since: date('2020-02-29'), weight: 0.5, tags: ['a', 'b']}]->(bare)
CREATE (p)-[:SEES]->(p)
"""


def run(settings: Settings, query: str, **params: Any) -> None:
    with GraphDatabase.driver(settings.neo4j_uri or "", auth=auth(settings)) as driver:
        driver.execute_query(query, params)


def auth(settings: Settings) -> tuple[str, str]:
    return (settings.neo4j_user, settings.neo4j_password.get_secret_value())


def canonical(settings: Settings) -> list[str]:
    """The whole graph as sorted lines: nodes by labels and properties, relationships by type, properties
    and their endpoints' lines. Values are written with repr, so a Date and a string never compare equal."""

    def text(value: Any) -> str:
        return json.dumps(value, sort_keys=True, default=repr, ensure_ascii=False)

    with GraphDatabase.driver(settings.neo4j_uri or "", auth=auth(settings)) as driver:
        nodes = {
            r["id"]: text([sorted(r["labels"]), r["props"]])
            for r in driver.execute_query(
                "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props"
            ).records
        }
        relationships = [
            text([r["type"], r["props"], nodes[r["start"]], nodes[r["end"]]])
            for r in driver.execute_query(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, "
                "elementId(a) AS start, elementId(b) AS end"
            ).records
        ]
    return sorted(nodes.values()) + sorted(relationships)


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    """`kg` talking to the session's Neo4j (NEO4J_URI in the command's environment)."""
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


@pytest.mark.parametrize("name", ["graph.jsonl", "graph.jsonl.gz"])
def test_backup_then_restore_gives_back_the_same_graph(
    store: GraphStore, settings: Settings, kg: CliRunner, tmp_path: Path, name: str
) -> None:
    loaded = kg.invoke(app, ["load", str(SEED), "--reference", str(SEED / "reference")])
    assert loaded.exit_code == 0, loaded.output
    run(settings, PROBE, blob=bytearray(b"\x00\x01\xff"))
    original = canonical(settings)
    assert len(original) > 900

    path = tmp_path / name
    done = kg.invoke(app, ["backup", str(path)])
    assert done.exit_code == 0, done.output
    assert f"to {path}" in done.output
    assert not list(tmp_path.glob("*.partial"))

    run(settings, "MATCH (e:Event) WITH e LIMIT 5 DETACH DELETE e")
    run(settings, "MATCH (a:Actor) SET a.name = 'changed', a.extra = 1")
    run(settings, "CREATE (:Intruder {id: 'intruder'})")
    assert canonical(settings) != original

    restored = kg.invoke(app, ["restore", str(path)])
    assert restored.exit_code == 0, restored.output
    assert canonical(settings) == original

    again = kg.invoke(app, ["restore", str(path)])
    assert again.exit_code == 0, "a restore replaces the graph: twice is the same as once"
    assert canonical(settings) == original


def test_bad_paths_are_refused_with_a_clear_message(
    store: GraphStore, settings: Settings, kg: CliRunner, tmp_path: Path
) -> None:
    run(settings, "CREATE (:Kept {id: 'kept', day: date('2024-01-01')})-[:LINK]->(:Kept {id: 'other'})")
    graph = canonical(settings)
    good = tmp_path / "good.jsonl"
    assert kg.invoke(app, ["backup", str(good)]).exit_code == 0
    lines = good.read_text().splitlines()

    existing = tmp_path / "existing.jsonl"
    existing.write_text("precious")
    cut_short = tmp_path / "cut-short.jsonl"
    cut_short.write_text("\n".join(lines[:-1]) + "\n")
    dangling = tmp_path / "dangling.jsonl"
    dangling.write_text("\n".join([lines[0], *[line for line in lines[1:] if '"node"' not in line]]) + "\n")
    odd_value = tmp_path / "odd-value.jsonl"
    odd_value.write_text(lines[0] + '\n{"node": "n", "labels": ["A"], "props": {"x": {"$when": 1}}}\n')
    not_gzip = tmp_path / "not-really.jsonl.gz"
    not_gzip.write_bytes(b"\x1f\x8b\x08garbage")
    seed_file = SEED / "2023-04-24_peace-loving-region.yaml"

    cases = {
        ("backup", str(existing)): f"{existing}: already exists; choose another name, or pass --force",
        ("backup", str(tmp_path / "no" / "b.jsonl")): "the folder",
        ("backup", str(tmp_path)): "is a folder",
        ("restore", str(tmp_path / "missing.jsonl")): "missing.jsonl: no such backup file",
        ("restore", str(seed_file)): f"{seed_file}:1: not a kg backup: not JSON",
        ("restore", str(cut_short)): f"{cut_short}: is incomplete: the end line is missing",
        ("restore", str(dangling)): f"{dangling}:2: not a valid backup line: a relationship to a node not",
        ("restore", str(odd_value)): f"{odd_value}:2: not a valid backup line: unknown value type '$when'",
        ("restore", str(not_gzip)): "not a kg backup: not text (or a damaged .gz)",
    }
    for args, message in cases.items():
        result = kg.invoke(app, list(args))
        assert result.exit_code == 1, (args, result.output)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output
    assert existing.read_text() == "precious"
    assert canonical(settings) == graph, "a refused restore changes nothing"

    forced = kg.invoke(app, ["backup", str(existing), "--force"])
    assert forced.exit_code == 0, forced.output
    assert existing.read_text().splitlines()[1:] == lines[1:]
    with gzip.open(tmp_path / "g.gz", "wt") as out:
        out.write("\n".join(lines) + "\n")
    assert kg.invoke(app, ["restore", str(tmp_path / "g.gz")]).exit_code == 0
    assert canonical(settings) == graph
