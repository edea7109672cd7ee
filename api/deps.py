"""Dependency aliases: routes and resolvers receive the store through these, never build their own."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.settings import Settings
from graph.store import GraphStore


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
