"""A page of events fetches the locations of its places and participants only when the client selects them
(each one costs the driver a Point), and then gives the same location as the place itself does."""

from __future__ import annotations

import httpx

import api.schema.queries as queries
from graph.read.links import LOCATIONS
from tests.conftest import gql

PAGE = """{ events(first: 100) { edges { node {
  id places { id location { lat lon } } participants { actor { id kind location { lat lon } } } } } } }"""


async def test_a_page_gives_each_place_its_own_location(seeded_api: httpx.AsyncClient) -> None:
    edges = (await gql(seeded_api, PAGE))["data"]["events"]["edges"]
    places = {p["id"]: p["location"] for e in edges for p in e["node"]["places"]}
    actors = {p["actor"]["id"]: p["actor"]["location"] for e in edges for p in e["node"]["participants"]}
    assert any(places.values()), "the seed has places with a location"
    query = "query ($id: ID!) { actor(id: $id) { location { lat lon } } }"
    for actor_id, location in [*places.items(), *actors.items()]:
        assert (await gql(seeded_api, query, id=actor_id))["data"]["actor"]["location"] == location, actor_id


async def test_locations_through_a_fragment_and_a_trip(
    seeded_api: httpx.AsyncClient,
) -> None:
    query = """{ events(first: 50, kinds: [VISIT]) { edges { node { ...where trip { ...where } } } } }
      fragment where on Event { places { isoCode location { lat } } }"""
    edges = (await gql(seeded_api, query))["data"]["events"]["edges"]
    places = [p for e in edges for p in e["node"]["places"]]
    assert places and all(p["location"] and p["location"]["lat"] for p in places if p["isoCode"])


async def test_the_page_asks_for_locations_only_when_selected(seeded_api: httpx.AsyncClient) -> None:
    """The links a page of events names to its query: `locations` only under places or participants."""
    asked: list[frozenset[str]] = []
    original = queries.event_links_selected

    def spy(info: object, *path: str) -> frozenset[str]:
        found = original(info, *path)
        asked.append(found)
        return found

    queries.event_links_selected = spy  # type: ignore[assignment]
    try:
        await gql(seeded_api, "{ events(first: 5) { edges { node { id places { name } } } } }")
        await gql(seeded_api, "{ events(first: 5) { edges { node { id places { location { lat } } } } } }")
        await gql(
            seeded_api,
            "{ events(first: 5) { edges { node { participants { actor { location { lon } } } } } } }",
        )
    finally:
        queries.event_links_selected = original  # type: ignore[assignment]
    assert asked == [
        frozenset({"places"}),
        frozenset({"places", LOCATIONS}),
        frozenset({"participants", LOCATIONS}),
    ]
