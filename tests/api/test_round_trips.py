"""A front-end asks for a page of events with everything they link to: the number of database round
trips does not grow with the page size (no N+1)."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

PAGE = """query ($first: Int) { events(first: $first) { edges { node {
  id participants { role actor { id name country { id } } } places { isoCode parent { id } }
  evidence { quote source { title } } trip { id } legs { id }
  agreements { value { amount } parties { actor { id } } }
} } } }"""
ACTORS = """query ($first: Int) { actors(kinds: [PERSON], first: $first) { edges { node {
  id offices { title } events(first: 3) { edges { node { id places { id } } } } } } } }"""


async def round_trips(client: httpx.AsyncClient, app: FastAPI, query: str, first: int) -> int:
    store: GraphStore = app.state.store
    before = store.round_trips
    body = await gql(client, query, first=first)
    assert "errors" not in body, body
    return store.round_trips - before


async def test_round_trips_do_not_grow_with_the_page(seeded_store: GraphStore, settings: Settings) -> None:
    app = create_app(settings)
    async for client in serve(app):
        await gql(client, '{ actor(name: "Minsk") { id } }')  # warm the per-process name directory
        small, large = await round_trips(client, app, PAGE, 2), await round_trips(client, app, PAGE, 40)
        people_small, people_large = (
            await round_trips(client, app, ACTORS, 2),
            await round_trips(client, app, ACTORS, 8),
        )
    assert small == large <= 6
    assert people_small == people_large <= 6
