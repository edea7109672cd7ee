"""An analyst opens an actor's page: the actor and its latest events. The API reads both in one round trip
(the events planned from the selection under `actor`), as @neo4j/graphql does with its single statement, and
answers exactly what the two round trips of the field-by-field path answer (forced here by a conditional
selection, which is never planned)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

LUKASHENKA = "person:alexander-lukashenka"
EVENTS = """events(first: 5, orderBy: {field: DATE, direction: DESC}, kinds: $kinds) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id kind title startDate participants { role actor { id } } } } }"""
PAGE = f"""query ($id: ID, $name: String, $kinds: [EventKind!]) {{
  actor(id: $id, name: $name) {{ id name kind {EVENTS} }} }}"""
UNPLANNED = f"""query ($id: ID, $name: String, $kinds: [EventKind!], $yes: Boolean = true) {{
  actor(id: $id, name: $name) {{ id name kind {EVENTS.replace(") {", ") @include(if: $yes) {", 1)} }} }}"""


def patient(settings: Settings) -> Settings:
    """The test settings, with time for a cold Neo4j on a busy machine to plan the page query (seconds)."""
    return settings.model_copy(update={"query_timeout": 120.0})


@pytest.fixture
async def seeded_api(seeded_store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(patient(settings))):
        yield client


async def asked(client: httpx.AsyncClient, app: FastAPI, query: str, **variables: Any) -> tuple[Any, int]:
    """The answer and the database round trips it took."""
    store: GraphStore = app.state.store
    before = store.round_trips
    body = await gql(client, query, **variables)
    assert "errors" not in body, body
    return body["data"], store.round_trips - before


async def test_an_actors_page_is_one_round_trip_with_the_same_answer(
    seeded_store: GraphStore, settings: Settings
) -> None:
    app = create_app(patient(settings))
    async for client in serve(app):
        await gql(client, '{ actor(name: "Minsk") { id } }')  # warm the per-process name directory
        for variables in ({"id": LUKASHENKA}, {"name": "Lukashenko"}, {"id": LUKASHENKA, "kinds": ["VISIT"]}):
            planned, trips = await asked(client, app, PAGE, **variables)
            unplanned, unplanned_trips = await asked(client, app, UNPLANNED, **variables)
            assert planned == unplanned
            assert (trips, unplanned_trips) == (1, 2)
        events = planned["actor"]["events"]
        assert planned["actor"]["name"] == "Alexander Lukashenka"
        assert events["edges"] and {edge["node"]["kind"] for edge in events["edges"]} == {"VISIT"}
        dates = [edge["node"]["startDate"] for edge in events["edges"]]
        assert dates == sorted(dates, reverse=True)

        # The next page, from the planned page's cursor, is the unplanned path's next page too.
        after = events["pageInfo"]["endCursor"]
        query = PAGE.replace("first: 5,", "first: 5, after: $after,").replace(
            "$kinds: [", "$after: String, $kinds: ["
        )
        following, _ = await asked(client, app, query, id=LUKASHENKA, kinds=["VISIT"], after=after)
        unplanned_query = UNPLANNED.replace("first: 5,", "first: 5, after: $after,").replace(
            "$kinds: [", "$after: String, $kinds: ["
        )
        expected, _ = await asked(client, app, unplanned_query, id=LUKASHENKA, kinds=["VISIT"], after=after)
        assert following == expected
        assert not {edge["node"]["id"] for edge in following["actor"]["events"]["edges"]} & {
            edge["node"]["id"] for edge in events["edges"]
        }


async def test_two_pages_of_an_actor_under_aliases_each_answer_their_own_arguments(
    seeded_api: httpx.AsyncClient,
) -> None:
    query = """{ actor(id: "person:alexander-lukashenka") {
      latest: events(first: 3, orderBy: {field: DATE, direction: DESC}) { edges { node { startDate } } }
      earliest: events(first: 3) { edges { node { startDate } } } } }"""
    actor = (await gql(seeded_api, query))["data"]["actor"]
    latest = [edge["node"]["startDate"] for edge in actor["latest"]["edges"]]
    earliest = [edge["node"]["startDate"] for edge in actor["earliest"]["edges"]]
    assert latest == sorted(latest, reverse=True) and earliest == sorted(earliest)
    assert earliest[0] < latest[0]


async def test_an_unknown_actor_with_its_events_selected_is_not_found(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(seeded_api, '{ actor(id: "person:nobody") { name events(first: 3) { totalCount } } }')
    [error] = body["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND" and error["extensions"]["argument"] == "id"
    assert error["message"] == "no actor with id 'person:nobody'"


async def test_a_bad_page_argument_is_reported_on_the_events_field(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(
        seeded_api, '{ actor(id: "person:alexander-lukashenka") { name events(first: 0) { totalCount } } }'
    )
    [error] = body["errors"]
    assert error["path"] == ["actor", "events"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["extensions"]["argument"] == "first"


async def test_paging_an_actors_events_without_their_total_walks_the_same_list_both_ways(
    seeded_api: httpx.AsyncClient,
) -> None:
    """Without totalCount only the page is kept in order (a Top); the pages must still join into the list one
    page of every event gives, forwards and backwards, in either direction."""
    whole = """query ($direction: SortDirection!) { actor(id: "person:alexander-lukashenka") {
      events(first: 100, orderBy: {field: DATE, direction: $direction}) {
        totalCount edges { node { id } } } } }"""
    paged = """query ($direction: SortDirection!, $after: String, $before: String, $first: Int, $last: Int) {
      actor(id: "person:alexander-lukashenka") {
        events(first: $first, after: $after, last: $last, before: $before,
               orderBy: {field: DATE, direction: $direction}) {
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } } }"""

    async def events(query: str, **variables: object) -> dict[str, Any]:
        body = await gql(seeded_api, query, **variables)
        assert "errors" not in body, body
        result: dict[str, Any] = body["data"]["actor"]["events"]
        return result

    for direction in ("DESC", "ASC"):
        every = await events(whole, direction=direction)
        expected = [edge["node"]["id"] for edge in every["edges"]]
        assert len(expected) == every["totalCount"] > 6
        forwards: list[str] = []
        cursor = None
        while True:
            page = await events(paged, direction=direction, first=3, after=cursor)
            forwards += [edge["node"]["id"] for edge in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            cursor = page["pageInfo"]["endCursor"]
        assert forwards == expected
        backwards: list[str] = []
        cursor = None
        while True:
            page = await events(paged, direction=direction, last=3, before=cursor)
            backwards = [edge["node"]["id"] for edge in page["edges"]] + backwards
            if not page["pageInfo"]["hasPreviousPage"]:
                break
            cursor = page["pageInfo"]["startCursor"]
        assert backwards == expected
