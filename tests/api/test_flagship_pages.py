"""The flagship's events per region come as a page with their count (at a million events one answer held
tens of thousands of them): an analyst asks for the first events of each region, pages through one region
with its cursor, and gets the same events, the same count and the same channels as one large page; the
answer is still one query to the database."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

PAGE = """query ($first: Int, $after: String, $asOf: DateTime) {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31", asOf: $asOf) {
    region { isoCode } through eventsAbout contractValue { amount currency }
    events(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id startDate participants { role actor { id } } } }
    }
  }
}"""


async def answer(client: httpx.AsyncClient, query: str = PAGE, **variables: Any) -> dict[str, Any]:
    body = await gql(client, query, **variables)
    assert "errors" not in body, body
    return {row["region"]["isoCode"]: row for row in body["data"]["regionEngagements"]}


def ids(row: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in row["events"]["edges"]]


async def walk(client: httpx.AsyncClient, region: str, **variables: Any) -> tuple[list[str], set[int]]:
    """One region's events a page of one at a time, following its cursors; the counts each page gave."""
    seen: list[str] = []
    counts: set[int] = set()
    after = None
    while True:
        row = (await answer(client, first=1, after=after, **variables))[region]
        counts.add(row["events"]["totalCount"])
        seen += ids(row)
        assert row["events"]["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not row["events"]["pageInfo"]["hasNextPage"]:
            return seen, counts
        after = row["events"]["pageInfo"]["endCursor"]


async def test_one_regions_events_page_by_page_are_the_events_of_one_large_page(
    seeded_api: httpx.AsyncClient,
) -> None:
    whole = await answer(seeded_api, first=100)
    novosibirsk = whole["RU-NVS"]
    assert novosibirsk["events"]["totalCount"] == len(ids(novosibirsk)) == 3
    dates = [edge["node"]["startDate"] for edge in novosibirsk["events"]["edges"]]
    assert dates == sorted(dates), "in date order"
    seen, counts = await walk(seeded_api, "RU-NVS")
    assert seen == ids(novosibirsk)
    assert counts == {3}, "the count is of every event, whatever the page"
    first = await answer(seeded_api, first=1)
    for region, row in first.items():
        assert ids(row) == ids(whole[region])[:1]
        assert row["events"]["pageInfo"]["hasNextPage"] is (whole[region]["events"]["totalCount"] > 1)
        for name in ("totalCount",):
            assert row["events"][name] == whole[region]["events"][name]
        assert (row["through"], row["eventsAbout"], row["contractValue"]) == (
            whole[region]["through"],
            whole[region]["eventsAbout"],
            whole[region]["contractValue"],
        ), "the channels and values are the region's, not the page's"
    by_default = await answer(seeded_api)
    assert {region: ids(row) for region, row in by_default.items()} == {
        region: ids(row)[:20] for region, row in whole.items()
    }, "the first 20 when `first` is not given"


async def test_the_flagship_and_its_pages_are_one_query(seeded_store: GraphStore, settings: Settings) -> None:
    app: FastAPI = create_app(settings)
    async for client in serve(app):
        await answer(client, first=100)  # warm the per-process name directory
        store: GraphStore = app.state.store
        for variables in ({"first": 1}, {"first": 2}, {"first": 100}, {}):
            before = store.round_trips
            await answer(client, **variables)
            # the flagship's query, then the participants of the events answered (one batch)
            assert store.round_trips - before == 2, variables


async def test_two_pages_in_one_request_and_a_conditional_page_answer_as_alone(
    seeded_api: httpx.AsyncClient,
) -> None:
    """Aliases asking different pages (or a page under @include) cannot be read as one page by the query:
    every event is read, and each field pages its own, with the same answer as asked alone."""
    both = """query ($after: String, $yes: Boolean = true) {
      regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
        region { isoCode }
        one: events(first: 1) { totalCount edges { node { id } } }
        next: events(first: 2, after: $after) { totalCount pageInfo { hasNextPage } edges { node { id } } }
        maybe: events(first: 1) @include(if: $yes) { edges { node { id } } }
      } }"""
    whole = await answer(seeded_api, first=100)
    cursor = (await answer(seeded_api, first=1))["RU-NVS"]["events"]["pageInfo"]["endCursor"]
    body = await gql(seeded_api, both, after=cursor)
    assert "errors" not in body, body
    rows = {row["region"]["isoCode"]: row for row in body["data"]["regionEngagements"]}
    novosibirsk = ids(whole["RU-NVS"])
    assert [e["node"]["id"] for e in rows["RU-NVS"]["one"]["edges"]] == novosibirsk[:1]
    assert [e["node"]["id"] for e in rows["RU-NVS"]["next"]["edges"]] == novosibirsk[1:3]
    assert rows["RU-NVS"]["next"]["pageInfo"]["hasNextPage"] is False
    assert [e["node"]["id"] for e in rows["RU-NVS"]["maybe"]["edges"]] == novosibirsk[:1]
    for region, row in rows.items():
        assert row["one"]["totalCount"] == row["next"]["totalCount"] == whole[region]["events"]["totalCount"]


async def test_a_page_as_of_a_moment_pages_the_events_of_then(seeded_api: httpx.AsyncClient) -> None:
    now = "2999-01-01T00:00:00+00:00"
    whole = await answer(seeded_api, first=100, asOf=now)
    assert whole.keys() == (await answer(seeded_api, first=100)).keys()
    seen, counts = await walk(seeded_api, "RU-NVS", asOf=now)
    assert seen == ids(whole["RU-NVS"])
    assert counts == {whole["RU-NVS"]["events"]["totalCount"]}


async def test_a_bad_page_is_refused_naming_its_argument(seeded_api: httpx.AsyncClient) -> None:
    for variables, argument in (({"first": 0}, "first"), ({"after": "not a cursor"}, "after")):
        body = await gql(seeded_api, PAGE, **variables)
        assert body["status"] == 200
        [error] = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert argument in error["message"] or error["extensions"].get("argument") == argument, error
    by_title = await gql(seeded_api, "{ events(first: 1, orderBy: {field: TITLE}) { edges { cursor } } }")
    events_cursor = by_title["data"]["events"]["edges"][0]["cursor"]
    body = await gql(seeded_api, PAGE, after=events_cursor)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", "a cursor of another order"
