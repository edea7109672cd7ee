"""A front-end developer asks which events follow up the 2 February 2023 meeting, both ways round, with who
says so, and finds the same link in the graph exports."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from fastapi import FastAPI

from api.app import create_app
from graph.load import load_paths
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.mutation_inputs import AS_WRITER, LOADER_FIXTURES, error_of
from tests.conftest import gql, serve

MEETING = "event:2023-02-02-meeting-patriotic-youth-organisations"
PUBLICATION = "event:2023-04-27-list-of-instructions-patriotic-youth-organisations"
TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
BIF = "source:bif-2023-04-24-peace-loving-region"

LINKS = """query ($id: ID!, $kinds: [EventLinkKind!], $direction: LinkDirection) {
  event(id: $id) { links(kinds: $kinds, direction: $direction) {
    kind direction label event { id startDate } sources { id }
  } }
}"""


async def links(api: httpx.AsyncClient, event: str, **arguments: Any) -> list[dict[str, Any]]:
    body = await gql(api, LINKS, id=event, **arguments)
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["event"]["links"]
    return found


async def test_the_february_meeting_is_followed_up_by_the_april_publication(
    seeded_api: httpx.AsyncClient,
) -> None:
    assert await links(seeded_api, MEETING, kinds=["FOLLOWS"], direction="INCOMING") == [
        {
            "kind": "FOLLOWS",
            "direction": "INCOMING",
            "label": "is followed up by",
            "event": {"id": PUBLICATION, "startDate": "2023-04-27"},
            "sources": [{"id": BIF}],
        }
    ]
    [back] = await links(seeded_api, PUBLICATION)
    assert (back["kind"], back["direction"], back["label"]) == ("FOLLOWS", "OUTGOING", "follows up")
    assert back["event"]["id"] == MEETING


async def test_a_trip_lists_its_legs_among_its_links(seeded_api: httpx.AsyncClient) -> None:
    legs = await links(seeded_api, TRIP, kinds=["PART_OF"])
    assert {(leg["direction"], leg["label"]) for leg in legs} == {("INCOMING", "includes")}
    assert len(legs) == 3
    dates = [leg["event"]["startDate"] for leg in legs]
    assert dates == sorted(dates), "by date"
    assert await links(seeded_api, TRIP, direction="OUTGOING") == []


PAGE = """query ($first: Int) { events(first: $first) { edges { node {
  id links { kind direction event { id title } sources { id } }
} } } }"""


async def test_links_of_a_page_take_the_same_round_trips_whatever_its_size(
    seeded_store: GraphStore, settings: Settings
) -> None:
    app: FastAPI = create_app(settings)
    trips = []
    async for client in serve(app):
        store: GraphStore = app.state.store
        for first in (2, 40, 2, 40):
            before = store.round_trips
            body = await gql(client, PAGE, first=first)
            assert "errors" not in body, body
            trips.append(store.round_trips - before)
    assert trips[2] == trips[3], trips


async def test_the_graph_export_draws_the_link(seeded_api: httpx.AsyncClient) -> None:
    response = await seeded_api.get("/export/graph.json", params={"actor": "Putin"})
    assert response.status_code == 200, response.text
    edges = [element["data"] for element in response.json()["elements"]["edges"]]
    follows = [(e["source"], e["target"], e["sources"]) for e in edges if e["type"] == "FOLLOWS"]
    assert follows == [(PUBLICATION, MEETING, [BIF])]


async def test_the_events_table_lists_what_each_event_follows(seeded_api: httpx.AsyncClient) -> None:
    response = await seeded_api.get("/export/events.csv", params={"actor": "Putin"})
    assert response.status_code == 200, response.text
    table = {row["id"]: row for row in csv.DictReader(io.StringIO(response.text))}
    assert table[PUBLICATION]["links"] == f"follows {MEETING}"
    assert table[MEETING]["links"] == ""


UPSERT = """mutation ($input: EventInput!) { upsertEvent(input: $input) {
  id links { kind direction event { id } sources { id } }
} }"""
INSTRUCTIONS_QUOTE = (
    "The “list of instructions following the [February 2nd ] meeting with representatives of public "
    "patriotic and youth organisations”, published on April 27th"
)


def event_input(event_id: str, kind: str, day: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": event_id,
        "kind": kind,
        "title": "Instructions and the meeting they follow",
        "date": {"start": day},
        "evidence": [{"quote": INSTRUCTIONS_QUOTE, "source": BIF}],
        **fields,
    }


async def test_an_analyst_links_events_through_the_api(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    await load_paths(
        store, [LOADER_FIXTURES / "peace-loving-region.yaml"], reference_dir=LOADER_FIXTURES / "reference"
    )
    meeting = await gql(
        api_with_keys, UPSERT, headers=AS_WRITER, input=event_input(MEETING, "MEETING", "2023-02-02")
    )
    assert "errors" not in meeting, meeting
    follows = [{"kind": "FOLLOWS", "event": MEETING}]
    published = await gql(
        api_with_keys,
        UPSERT,
        headers=AS_WRITER,
        input=event_input(PUBLICATION, "PUBLICATION", "2023-04-27", links=follows),
    )
    assert published["data"]["upsertEvent"]["links"] == [
        {"kind": "FOLLOWS", "direction": "OUTGOING", "event": {"id": MEETING}, "sources": [{"id": BIF}]}
    ]

    itself = [{"kind": "FOLLOWS", "event": PUBLICATION}]
    refused = await gql(
        api_with_keys,
        UPSERT,
        headers=AS_WRITER,
        input=event_input(PUBLICATION, "PUBLICATION", "2023-04-27", links=itself),
    )
    error = error_of(refused)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "links[0].event names the event itself" in error["message"], error
