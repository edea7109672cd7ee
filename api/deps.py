"""Dependency aliases: routes and resolvers receive the store through these, never build their own.
They take any connection, HTTP or WebSocket (GraphQL subscriptions)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from graph.settings import Settings
from graph.store import GraphStore


def get_store(request: HTTPConnection) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_app_settings(request: HTTPConnection) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
