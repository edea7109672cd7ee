"""The flagship counts an event when its span *overlaps* the window: one that began long before it and ends
inside it counts, as does a leg in the window of a trip that began before it; one that ends the day before
the window does not."""

from __future__ import annotations

from typing import Any

import httpx

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from graph.write.upsert import upsert_event
from tests.conftest import gql, serve
from tests.graph.test_reports import SEED, load

ASK = """
query {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
    region { isoCode }
    through
    events(first: 100) { totalCount edges { node { id } } }
  }
}
"""

QUOTE = {
    "quote": "a Belarusian government delegation headed by Prime Minister Roman Golovchenko",
    "source": "source:bif-2023-04-24-peace-loving-region",
}


def event(event_id: str, start: str, end: str, place: str, **more: Any) -> dict[str, Any]:
    return {
        "id": event_id,
        "kind": "visit",
        "title": f"Test {event_id}",
        "date": {"start": start, "end": end, "precision": "range"},
        "participants": [{"actor": "person:roman-golovchenko", "role": "head_of_delegation"}],
        "places": [place],
        "evidence": [QUOTE],
        **more,
    }


async def answer(client: httpx.AsyncClient) -> dict[str, set[str]]:
    body = await gql(client, ASK)
    assert "errors" not in body, body
    return {
        row["region"]["isoCode"]: {edge["node"]["id"] for edge in row["events"]["edges"]}
        for row in body["data"]["regionEngagements"]
    }


async def test_an_event_that_starts_before_the_window_and_ends_in_it_counts(
    store: GraphStore, settings: Settings
) -> None:
    await load(store, SEED)
    async for client in serve(create_app(settings)):
        seed = await answer(client)
        # a programme of 21 months held in Pskov Oblast, ending in February 2023
        await upsert_event(
            store, event("event:test-pskov-programme", "2021-06-01", "2023-02-15", "region:RU-PSK"), "anna"
        )
        # a trip of May 2021 whose leg in Smolensk Oblast is dated March 2023 (a leg need not lie in its trip)
        await upsert_event(store, event("event:test-trip", "2021-05-01", "2021-05-03", "country:RU"), "anna")
        leg = event("event:test-smolensk-leg", "2023-03-01", "2023-03-02", "region:RU-SMO", participants=[])
        await upsert_event(store, {**leg, "part_of": "event:test-trip"}, "anna")
        # and one that ends the day before the window: it does not count
        await upsert_event(
            store, event("event:test-kaluga-programme", "2021-01-01", "2022-12-31", "region:RU-KLU"), "anna"
        )
        added = {"RU-PSK": {"event:test-pskov-programme"}, "RU-SMO": {"event:test-smolensk-leg"}}
        assert await answer(client) == {
            region: seed.get(region, set()) | added.get(region, set()) for region in {*seed, *added}
        }, "the programme and the leg count, the Kaluga programme does not"
