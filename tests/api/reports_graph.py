"""A graph with several reports of some facts, written in the shape of the issue 11 spec by the tests' own
Cypher, for the GraphQL side to be tested before (and apart from) the loader that writes it.

`ReportsGraph.report` writes one source's report of a fact (a :Report with its record JSON, linked to the
fact, its source and its load), then the fact's reconciled properties from all its live reports, by the
same rule the loader applies (graph.reports.reconcile).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from graph.read.reports import SECTIONS, fact_props, parse_record, reported_fields
from graph.reports.reconcile import Report, reconcile
from graph.store import GraphStore
from graph.values import plain

RECORD_OF = """
MATCH (f {id: $id})
RETURN properties(f) AS props,
  [(f)-[r:PARTICIPANT]->(a) | {target: a.id, role: r.role}] AS participants,
  [(f)-[:IN_PLACE]->(p) | p.id] AS places,
  [(f)-[:PART_OF]->(t) | t.id] AS part_of,
  [(f)-[:ABOUT]->(x) | x.id] AS about,
  [(f)-[:PRODUCED]->(g) | g.id] AS produced,
  [(f)-[r:PARTY]->(a) | {target: a.id, side: r.side}] AS parties,
  [(f)-[r:EVIDENCE]->(s) | {source: s.id, quote: r.quote, start: r.start, end: r.end}] AS evidence
"""
WRITE_REPORT = """
MATCH (f {id: $fact}), (s:Source {id: $source}), (l:Load {id: $load})
OPTIONAL MATCH (old:Report {fact: $fact, source: $source}) WHERE old.retracted_at IS NULL
SET old.retracted_at = $at
WITH f, s, l, old
OPTIONAL MATCH (old)-[of:OF]->() DELETE of
WITH DISTINCT f, s, l
CREATE (r:Report {id: $id, fact: $fact, source: $source, section: $section, hash: $hash, record: $record,
                  loaded_at: $at, load: $load})
CREATE (r)-[:OF]->(f), (r)-[:FROM]->(s), (r)-[:IN_LOAD]->(l)
"""
LIVE = (
    "MATCH (r:Report {fact: $fact}) WHERE r.retracted_at IS NULL RETURN r.source AS source, "
    "r.loaded_at AS loaded_at, r.record AS record"
)
WRITE_LOAD = """
CREATE (:Change:Load {id: $id, kind: $kind, at: $at, by: $by, files: $files, hashes: $hashes,
        created: $created, updated: $updated, merged: $merged, retracted: $retracted, unchanged: $unchanged})
"""


class ReportsGraph:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def run(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """The tests' own Cypher (the store runs only the named queries of queries/)."""
        async with self.store.driver.session(database=self.store.database) as session:
            result = await session.run(query, params)
            return [plain(record.data()) async for record in result]

    async def load(
        self, load_id: str, at: datetime, files: list[str], kind: str = "load", **counts: int
    ) -> None:
        await self.run(
            WRITE_LOAD,
            id=load_id,
            kind=kind,
            at=at,
            by="tester",
            files=files,
            hashes=[hashlib.blake2b(name.encode(), digest_size=8).hexdigest() for name in files],
            **{
                name: counts.get(name, 0)
                for name in ("created", "updated", "merged", "retracted", "unchanged")
            },
        )

    async def record_of(self, fact_id: str) -> dict[str, Any]:
        """The fact as the graph holds it now, as a report's record."""
        row = (await self.run(RECORD_OF, id=fact_id))[0]
        row["props"] = {key: value for key, value in row["props"].items() if not key.startswith("_")}
        return row

    async def report(
        self, kind: str, fact_id: str, source: str, load: str, at: datetime, record: dict[str, Any]
    ) -> None:
        text = json.dumps(record, default=str, sort_keys=True, ensure_ascii=False)
        digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        report_id = (
            "report:" + hashlib.blake2b(f"{fact_id}|{source}|{digest}".encode(), digest_size=16).hexdigest()
        )
        await self.run(
            WRITE_REPORT,
            id=report_id,
            fact=fact_id,
            source=source,
            section=SECTIONS[kind],
            hash=digest,
            record=text,
            at=at,
            load=load,
        )
        live = await self.run(LIVE, fact=fact_id)
        reconciled = reconcile(
            Report(row["source"], row["loaded_at"], reported_fields(parse_record(row["record"])))
            for row in live
        )
        props = fact_props(fact_id, reconciled)
        del props["id"]
        await self.run("MATCH (f {id: $id}) SET f += $props", id=fact_id, props=props)
