"""How the loader writes a file's new reports (queries/report_create.cypher), PROFILEd on the seed in a
transaction rolled back: every read before any write, so the plan has two Eagers, not one between each
MERGE; each fact is sought under its own section's label only, and the source once for the batch."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from graph.queries import as_one_map, planned_to_keep
from graph.store import GraphStore


def operators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("children", []):
        found += operators(child)
    return found


def seeks(plan: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    return [op for op in plan if op["operatorType"].startswith("NodeUniqueIndexSeek")
            and f":{label}(id)" in op["args"]["Details"]]  # fmt: skip


async def test_new_reports_read_first_and_seek_only_their_sections_label(seeded_store: GraphStore) -> None:
    async with seeded_store.driver.session(database=seeded_store.database) as session:
        found = await (
            await session.run(
                "MATCH (e:Event) WITH e.id AS id ORDER BY id LIMIT 3 WITH collect(id) AS events "
                "MATCH (s:Source) WITH events, min(s.id) AS source "
                "MATCH (a:Agreement) RETURN events, source, min(a.id) AS agreement"
            )
        ).single()
        assert found is not None
        facts = [(each, "events") for each in found["events"]] + [(found["agreement"], "agreements")]
        rows = [
            {"id": f"report:plan-{n}", "fact": fact, "source": found["source"], "section": section,
             "hash": "h", "record": "{}", "alias": None}
            for n, (fact, section) in enumerate(facts)
        ]  # fmt: skip
        params = {"rows": rows, "at": datetime.now(UTC), "load": "load:none"}
        tx = await session.begin_transaction()
        try:
            result = await tx.run("PROFILE " + planned_to_keep("report_create"), as_one_map(params))
            summary = await result.consume()
            written = await (
                await tx.run(
                    "MATCH (r:Report) WHERE r.id STARTS WITH 'report:plan-' "
                    "RETURN count{(r)-[:OF]->()} AS of, count{(r)-[:FROM]->()} AS from, "
                    "count{(r)-[:IN_LOAD]->()} AS in_load"
                )
            ).data()
        finally:
            await tx.rollback()
    assert summary.profile is not None
    plan = operators(summary.profile)
    assert written == [{"of": 1, "from": 1, "in_load": 0}] * len(rows)  # no such load: no IN_LOAD
    eagers = [op for op in plan if op["operatorType"].split("@")[0] == "Eager"]
    assert len(eagers) <= 2, [op["args"].get("Details") for op in eagers]
    assert sum(op["rows"] for op in seeks(plan, "Event")) == 3
    assert sum(op["rows"] for op in seeks(plan, "Agreement")) == 1
    for label in ("Office", "Claim"):  # no row of theirs: not sought at all
        assert [op["dbHits"] for op in seeks(plan, label)] == [0]
    assert [op["rows"] for op in seeks(plan, "Source")] == [1]  # once for the batch's one source
