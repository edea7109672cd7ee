"""Dependency aliases: routes and resolvers receive the store through these, never build their own.
They take any connection, HTTP or WebSocket (GraphQL subscriptions)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from graph.settings import Settings
from graph.store import GraphStore


# `async def`, though they await nothing: FastAPI runs a plain `def` dependency in its thread pool, a thread
# hop each (two per GraphQL request).
async def get_store(request: HTTPConnection) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


async def get_app_settings(request: HTTPConnection) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
