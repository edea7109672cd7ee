"""A benchmark run at scale reuses a loaded server: `--no-load` touches nothing, and the `kg serve` child it
starts talks to the server measured, with that server's credentials, not the local defaults."""

from __future__ import annotations

from pydantic import SecretStr

from benchmarks.bench_graph import ensure_loaded, server_env
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from graph.store import GraphStore


async def test_no_load_reads_and_writes_nothing() -> None:
    class Untouchable(GraphStore):
        def __init__(self) -> None:  # no driver: any read or write would fail
            pass

    said = await ensure_loaded(Untouchable(), None, 1_000_000, no_load=True)
    assert "not loaded" in said


def test_the_served_child_gets_the_measured_servers_address_and_credentials() -> None:
    measured = Settings(
        neo4j_uri="bolt://127.0.0.1:7999",
        neo4j_user="bench",
        neo4j_password=SecretStr("not-the-local-default"),
        neo4j_database="scale",
    )
    env = server_env(measured)
    assert env == {
        "NEO4J_URI": "bolt://127.0.0.1:7999",
        "NEO4J_USER": "bench",
        "NEO4J_PASSWORD": "not-the-local-default",
        "NEO4J_DATABASE": "scale",
    }
    assert LOCAL_DEV_PASSWORD not in env.values()
