"""`kg migrate` installs the schema, and running it again changes nothing."""

from __future__ import annotations

from graph.schema import migrate, schema_statements
from graph.store import GraphStore


async def test_migrate_twice_creates_nothing_the_second_time(store: GraphStore) -> None:
    await migrate(store)
    names = {row["name"] for row in await store.read("schema_names")}
    assert {"actor_id", "event_id", "day_date", "names_and_titles", "evidence_quotes"} <= names
    assert len(schema_statements()) <= len(names)

    assert await migrate(store) == []
    assert {row["name"] for row in await store.read("schema_names")} == names
