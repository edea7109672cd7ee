"""A client asks for some of an event's links: the API reads those and no others, whether the fields are
written plainly, aliased or in fragments, and the answer is the same as when every link is read."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from api.app import create_app
from graph.read.links import EVENT_LINKS, event_links
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

BAN = "event:2023-04-28-putin-banned-from-moldova"
PLAIN = """{ events(kinds: [BAN]) { edges { node {
  id participants { role actor { id } } places { isoCode } } } } }"""
FRAGMENTS = """query { events(kinds: [BAN]) { edges { node {
  id ...Who ... on Event { places { isoCode } } } } } }
fragment Who on Event { participants { role actor { id } } }"""
ALIASED = """{ events(kinds: [BAN]) { edges { node {
  id who: participants { role actor { id } } where: places { isoCode } } } } }"""
EVERYTHING = """{ events(kinds: [BAN]) { edges { node {
  id participants { role actor { id } } places { isoCode } trip { id } legs { id } about { id }
  agreements { id } evidence { quote } } } } }"""


async def test_only_the_links_asked_for_are_read(seeded_store: GraphStore) -> None:
    [both] = await event_links(seeded_store, [BAN], ["participants", "evidence"])
    assert both is not None
    assert {role["actor"]["id"] for role in both["participants"]} == {"country:MD", "person:vladimir-putin"}
    assert both["evidence"] and both["evidence"][0]["source"]["id"]
    assert all(both[name] is None for name in EVENT_LINKS if name not in ("participants", "evidence"))
    [every] = await event_links(seeded_store, [BAN])
    assert every is not None and all(every[name] is not None for name in EVENT_LINKS)


async def round_trips(client: httpx.AsyncClient, app: FastAPI, query: str) -> tuple[int, dict[str, object]]:
    store: GraphStore = app.state.store
    before = store.round_trips
    body = await gql(client, query)
    assert "errors" not in body, body
    return store.round_trips - before, body["data"]


async def test_a_page_and_its_selected_links_take_one_round_trip(
    seeded_store: GraphStore, settings: Settings
) -> None:
    app = create_app(settings)
    async for client in serve(app):
        bare, _ = await round_trips(client, app, "{ events(first: 50) { edges { node { id title } } } }")
        linked, _ = await round_trips(client, app, PLAIN)
        nested, _ = await round_trips(
            client, app, "{ events(first: 50) { edges { node { id trip { id } } } } }"
        )
        legs, body = await round_trips(
            client, app, "{ events(first: 50) { edges { node { id trip { id places { id } } } } } }"
        )
    assert bare == linked == nested == 1, "the page reads the links selected on its events"
    assert legs == 2, "the links of the trips, all at once"
    assert any(edge["node"]["trip"] for edge in body["events"]["edges"])  # type: ignore[index]


async def test_fragments_and_aliases_select_links_too(seeded_store: GraphStore, settings: Settings) -> None:
    app = create_app(settings)
    async for client in serve(app):
        _, plain = await round_trips(client, app, PLAIN)
        _, fragments = await round_trips(client, app, FRAGMENTS)
        _, aliased = await round_trips(client, app, ALIASED)
        _, everything = await round_trips(client, app, EVERYTHING)
    [ban] = plain["events"]["edges"]  # type: ignore[index]
    assert ban["node"]["participants"] == [
        {"role": "issuer", "actor": {"id": "country:MD"}},
        {"role": "target", "actor": {"id": "person:vladimir-putin"}},
    ]
    assert ban["node"]["places"], "the ban took place somewhere"
    assert fragments == plain
    [aliased_ban] = aliased["events"]["edges"]  # type: ignore[index]
    node = aliased_ban["node"]
    assert {"id": node["id"], "participants": node["who"], "places": node["where"]} == ban["node"]
    [full] = everything["events"]["edges"]  # type: ignore[index]
    assert {key: full["node"][key] for key in ("id", "participants", "places")} == ban["node"]
