"""Which Neo4j to talk to: NEO4J_URI when set, else the local server of this data directory."""

from __future__ import annotations

from graph.neo4j_server.server import running_state
from graph.settings import Settings
from graph.store import GraphStore


def resolve_uri(settings: Settings) -> str:
    if settings.neo4j_uri:
        return settings.neo4j_uri
    state = running_state(settings.data_dir)
    return state.uri if state else f"bolt://127.0.0.1:{settings.neo4j_port}"


def open_store(settings: Settings) -> GraphStore:
    return GraphStore.from_settings(settings, resolve_uri(settings))
