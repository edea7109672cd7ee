"""An analyst asks how many events there are, with or without a filter: the count of every event comes from
Neo4j's count store (no scan), and says the same as counting the events one by one."""

from __future__ import annotations

import httpx

from tests.conftest import gql

EVERY = """query ($kinds: [EventKind!], $direction: SortDirection) {
  events(first: 100, kinds: $kinds, orderBy: {field: DATE, direction: $direction}) {
    totalCount edges { node { id kind } } } }"""


async def test_the_total_of_every_event_is_the_number_of_events(seeded_api: httpx.AsyncClient) -> None:
    for direction in ("ASC", "DESC"):
        body = await gql(seeded_api, EVERY, direction=direction)
        assert "errors" not in body, body
        every = body["data"]["events"]
        assert len(every["edges"]) < 100, "the seed fits one page"
        assert every["totalCount"] == len(every["edges"])
        visits = (await gql(seeded_api, EVERY, kinds=["VISIT"], direction=direction))["data"]["events"]
        assert visits["totalCount"] == sum(edge["node"]["kind"] == "VISIT" for edge in every["edges"]) > 0
