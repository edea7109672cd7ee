"""A front-end asks what surrounds a node, to draw it as a network, and is told when the answer was cut."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.read import neighborhood as module
from tests.conftest import gql

ASK = """
query ($id: ID!, $depth: Int!, $kinds: [String!], $from: Date, $to: Date) {
  neighborhood(id: $id, depth: $depth, kinds: $kinds, from: $from, to: $to) {
    nodes { id label kind properties }
    edges { id source target type properties }
    truncated
  }
}
"""
GOLOVCHENKO = "person:roman-golovchenko"
TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
REGIONS = {"region:RU-NVS", "region:RU-IRK", "region:RU-SVE"}


async def around(api: httpx.AsyncClient, id: str, depth: int = 1, **filters: Any) -> dict[str, Any]:
    body = await gql(api, ASK, id=id, depth=depth, **filters)
    assert "errors" not in body, body["errors"]
    graph: dict[str, Any] = body["data"]["neighborhood"]
    return graph


def ids(graph: dict[str, Any]) -> set[str]:
    return {node["id"] for node in graph["nodes"]}


async def test_one_hop_around_golovchenko_is_his_trips_and_his_office(seeded_api: httpx.AsyncClient) -> None:
    graph = await around(seeded_api, GOLOVCHENKO)
    nodes = {node["id"]: node for node in graph["nodes"]}
    assert nodes[GOLOVCHENKO]["label"] == "Roman Golovchenko"
    assert nodes[GOLOVCHENKO]["kind"] == "person"
    assert nodes[TRIP]["kind"] == "visit"
    assert nodes[TRIP]["properties"]["start_date"] == "2023-04-26"
    assert nodes[TRIP]["properties"]["evidence"][0]["quote"].startswith("From April 26th to 28th")
    assert "org:government-of-belarus" in nodes, "the office he holds"
    assert not REGIONS & set(nodes), "the regions are two hops away"
    assert graph["truncated"] is False

    node_ids = set(nodes)
    assert all(edge["source"] in node_ids and edge["target"] in node_ids for edge in graph["edges"])
    led = [e for e in graph["edges"] if e["source"] == TRIP and e["target"] == GOLOVCHENKO]
    assert [(e["type"], e["properties"]["role"]) for e in led] == [("PARTICIPANT", "head_of_delegation")]


async def test_two_hops_reach_the_three_regions_with_the_edges_among_them(
    seeded_api: httpx.AsyncClient,
) -> None:
    graph = await around(seeded_api, GOLOVCHENKO, depth=2)
    assert ids(graph) >= REGIONS
    in_place = {(e["source"], e["target"]) for e in graph["edges"] if e["type"] == "IN_PLACE"}
    assert {(TRIP, region) for region in REGIONS} <= in_place, "edges between two nodes of the second hop too"


async def test_kinds_and_dates_filter_the_events_passed_through(seeded_api: httpx.AsyncClient) -> None:
    statements = await around(seeded_api, "person:alexander-lukashenka", kinds=["statement"])
    events = [n for n in statements["nodes"] if n["properties"]["category"] == "event"]
    assert events and {n["kind"] for n in events} == {"statement"}

    may = await around(
        seeded_api, "person:alexander-lukashenka", **{"from": "2023-05-01", "to": "2023-05-31"}
    )
    dates = [n["properties"]["start_date"] for n in may["nodes"] if n["properties"]["category"] == "event"]
    assert dates and all(start <= "2023-05-31" for start in dates)
    assert TRIP not in ids(await around(seeded_api, GOLOVCHENKO, kinds=["ban"]))


async def test_a_capped_answer_says_it_was_truncated(
    seeded_api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "MAX_NODES", 5)
    graph = await around(seeded_api, GOLOVCHENKO, depth=3)
    assert len(graph["nodes"]) == 5
    assert graph["truncated"] is True
    assert GOLOVCHENKO in ids(graph), "the start is always there"


@pytest.mark.parametrize(
    ("variables", "argument"),
    [
        ({"id": GOLOVCHENKO, "depth": 4}, "depth"),
        ({"id": GOLOVCHENKO, "depth": 0}, "depth"),
        ({"id": "person:nobody", "depth": 1}, "id"),
        ({"id": GOLOVCHENKO, "depth": 1, "kinds": ["party"]}, "kinds"),
        ({"id": GOLOVCHENKO, "depth": 1, "from": "2023-05-01", "to": "2023-04-01"}, "to"),
    ],
)
async def test_bad_arguments_are_named_in_the_error(
    seeded_api: httpx.AsyncClient, variables: dict[str, Any], argument: str
) -> None:
    body = await gql(seeded_api, ASK, **variables)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["argument"] == argument
