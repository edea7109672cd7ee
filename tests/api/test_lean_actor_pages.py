"""An analyst opens an actor's page and sees its latest events by title: the page query reads only the event
properties the selection needs (not the summaries and contents nobody asked for), as @neo4j/graphql does; a
page that selects every field still gets every one of them, as `event(id)` answers them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from graphql import GraphQLObjectType

from api.schema.root import build_schema
from api.schema.selection import EVENT_PROPERTIES
from graph.read import lists
from graph.read.filters import EventFilter, resolve_event_filter
from graph.read.lists import EventPageGroup, event_page_query, event_pages
from graph.read.pages import page_request
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql

LUKASHENKA = "person:alexander-lukashenka"
EVERY_FIELD = """id kind title summary content startDate endDate datePrecision
  money { amount currency usd usdRate usdRateDate } sourceCount firstReported lastChanged
  disputes { field values { value sources { id } } } reports { id source { id } }
  evidence { quote source { id } } participants { role actor { id } }"""


def page_of(fields: str) -> str:
    return f"""query ($id: ID) {{ actor(id: $id) {{ id
      events(last: 20) {{ totalCount edges {{ cursor node {{ {fields} }} }} }} }} }}"""


async def test_a_page_selecting_id_and_title_reads_only_those(
    seeded_store: GraphStore, seeded_api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    plan = lists.event_page_query

    def spy(*args: Any) -> tuple[str, dict[str, Any]]:
        query, params = plan(*args)
        asked.append(params["props"])
        return query, params

    monkeypatch.setattr(lists, "event_page_query", spy)
    lean = await gql(seeded_api, page_of("id title"), id=LUKASHENKA)
    full = await gql(seeded_api, page_of(EVERY_FIELD), id=LUKASHENKA)
    assert asked[0] == ["id", "kind", "title"] and "summary" in asked[1] and "content" in asked[1]
    assert "errors" not in lean and "errors" not in full, (lean, full)
    lean_events, full_events = lean["data"]["actor"]["events"], full["data"]["actor"]["events"]
    assert len(lean_events["edges"]) == lean_events["totalCount"] > 5
    assert lean_events["totalCount"] == full_events["totalCount"]
    assert [(e["cursor"], e["node"]) for e in lean_events["edges"]] == [
        (e["cursor"], {"id": e["node"]["id"], "title": e["node"]["title"]}) for e in full_events["edges"]
    ]

    # What the query returns for such a page: the three properties every event is built from, no more.
    filters = await resolve_event_filter(seeded_store, EventFilter())
    group = EventPageGroup(LUKASHENKA, [LUKASHENKA], LUKASHENKA)
    page = page_request(None, None, 100, True, last=20)
    query, params = event_page_query(filters, [group], page, (), {"kind", "title"})
    assert query.startswith("read/events_page_actor") and params["props"] == ["id", "kind", "title"]
    [row] = await seeded_store.read(query, **params)
    assert all(len(item["node"]) == 3 for item in row["page"])
    read = await event_pages(seeded_store, filters, [group], page, (), {"kind", "title"})
    every = await event_pages(seeded_store, filters, [group], page)
    assert [node for _, node in read[LUKASHENKA].items] == [
        {name: node[name] for name in ("id", "kind", "title")} for _, node in every[LUKASHENKA].items
    ]


async def test_a_page_selecting_every_field_gets_each_as_the_event_answers_it(
    seeded_api: httpx.AsyncClient,
) -> None:
    found = await gql(seeded_api, page_of(EVERY_FIELD), id=LUKASHENKA)
    assert "errors" not in found, found
    nodes = [edge["node"] for edge in found["data"]["actor"]["events"]["edges"]]
    assert len(nodes) > 5
    for node in nodes:
        alone = await gql(
            seeded_api, f"query ($id: ID!) {{ event(id: $id) {{ {EVERY_FIELD} }} }}", id=node["id"]
        )
        assert "errors" not in alone, alone
        assert node == alone["data"]["event"]
    assert any(node["summary"] for node in nodes) and any(node["evidence"] for node in nodes)
    assert any(node["firstReported"] for node in nodes) and any(node["startDate"] for node in nodes)


def test_every_field_of_an_event_says_which_properties_it_reads() -> None:
    """A field added to Event and not to the table would make every page read every property again (safe,
    but no longer lean): the table names each field of the served type."""
    event = build_schema(Settings())._schema.type_map["Event"]
    assert isinstance(event, GraphQLObjectType)
    assert set(event.fields) | {"__typename"} == set(EVENT_PROPERTIES)
