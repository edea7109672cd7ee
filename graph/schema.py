"""Schema installation (`kg migrate`): constraints and indexes from queries/schema/, idempotent; a file there
may also bring older data up to date (60_load_ids_of_older_loads.cypher), just as idempotently."""

from __future__ import annotations

from graph.queries import QUERIES_DIR
from graph.store import ENGAGED_REFRESH, GraphStore

REFRESH_CHUNK = 10_000
"""Events whose ENGAGED links one transaction of `migrate` writes (an older graph's are all marked)."""


def schema_statements() -> list[str]:
    """Names of the schema queries, in file order (constraints before the indexes that rely on them)."""
    return [f"schema/{path.stem}" for path in sorted((QUERIES_DIR / "schema").glob("*.cypher"))]


async def migrate(store: GraphStore) -> list[str]:
    """Apply every schema statement; return the names of the constraints and indexes it created."""
    before = {row["name"] for row in await store.read("schema_names")}
    for name in schema_statements():
        await store.run_autocommit(name)
    await store.run_autocommit("engaged_of_older_graphs")  # marks every event of a graph with no ENGAGED link
    while (await store.write(ENGAGED_REFRESH, limit=REFRESH_CHUNK))[0]["refreshed"]:
        pass
    after = {row["name"] for row in await store.read("schema_names")}
    return sorted(after - before)
