"""Arrests, sentences, fines, sanctions, expulsions, appointments and dismissals are events like any other:
declared once in graph.model, loaded, filtered by kind and served with their money."""

from __future__ import annotations

from pathlib import Path

import httpx

from graph.load import load_paths
from graph.model import EVENT_KINDS
from graph.store import GraphStore
from tests.conftest import gql

REFERENCE = Path(__file__).resolve().parents[1] / "graph" / "fixtures" / "reference"
SDL = Path(__file__).resolve().parents[2] / "api" / "schema.graphql"

COURT_WEEK = """
source:
  id: source:court-week
  title: A week in court
  period: {start: 2024-03-04, end: 2024-03-10}
  language: en
events:
  - id: event:2024-03-05-activist-detained
    kind: detention
    title: An activist detained in Minsk
    date: 2024-03-05
    participants:
      - {actor: person:ivan-ivanov, role: detainee}
    places: [Minsk]
    evidence: [{quote: "On March 5th, Ivan Ivanov was detained in Minsk."}]
  - id: event:2024-03-07-activist-fined
    kind: fine
    title: An activist fined BYN 1,200
    date: 2024-03-07
    participants:
      - {actor: person:ivan-ivanov, role: target}
    money: {amount: "1200", currency: BYN}
    evidence: [{quote: "On March 7th, a court fined him BYN 1,200."}]
  - id: event:2024-03-08-minister-appointed
    kind: appointment
    title: A new minister appointed
    date: 2024-03-08
    evidence: [{quote: "On March 8th, a new minister was appointed."}]
actors:
  - {id: person:ivan-ivanov, kind: person, name: Ivan Ivanov}
"""

KINDS_QUERY = """
query ($kinds: [EventKind!]) {
  events(kinds: $kinds) { edges { node { id kind money { amount currency } } } }
}
"""


def test_every_model_kind_is_a_graphql_enum_value() -> None:
    sdl = SDL.read_text(encoding="utf-8")
    enum = sdl[sdl.index("enum EventKind") :].split("}", 1)[0]
    assert {line.strip() for line in enum.splitlines()[1:] if line.strip()} >= {
        kind.upper() for kind in EVENT_KINDS
    }


async def test_a_fine_is_loaded_and_served_with_its_sum(
    store: GraphStore, api: httpx.AsyncClient, tmp_path: Path
) -> None:
    digest = tmp_path / "court-week.yaml"
    digest.write_text(COURT_WEEK, encoding="utf-8")
    await load_paths(store, [digest], reference_dir=REFERENCE)

    body = await gql(api, KINDS_QUERY, kinds=["FINE", "DETENTION"])

    assert "errors" not in body, body
    nodes = {edge["node"]["id"]: edge["node"] for edge in body["data"]["events"]["edges"]}
    assert nodes == {
        "event:2024-03-05-activist-detained": {
            "id": "event:2024-03-05-activist-detained", "kind": "DETENTION", "money": None,
        },
        "event:2024-03-07-activist-fined": {
            "id": "event:2024-03-07-activist-fined", "kind": "FINE",
            "money": {"amount": "1200", "currency": "BYN"},
        },
    }  # fmt: skip
