"""The two baselines the loader is measured against, writing the same nodes and relationships.

- floor: `UNWIND $rows ... CREATE`, batched, one transaction per file: no MERGE, no checks, the least work
  that puts these rows into Neo4j;
- naive: one `MERGE` statement per node and per relationship, each its own round trip; either each in its
  own transaction (`session.run` in a loop, the literal naive way) or all of a file in one (kinder to it).

Labels in these queries come from the fixed set below, never from data.
"""

from __future__ import annotations

import time
from itertools import islice
from typing import Any

from neo4j import AsyncDriver

from benchmarks.flat_rows import TIME_NODES, FlatFile

KEYS = {label: key for _, label, key in TIME_NODES}


def _endpoint(variable: str, label: str, value: str) -> str:
    return f"({variable}:{label} {{{KEYS.get(label, 'id')}: {value}}})"


def floor_relationship_query(start: str, end: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH {_endpoint('a', start, 'row.start')} "
        f"MATCH {_endpoint('b', end, 'row.end')} CREATE (a)-[r:$(row.type)]->(b) SET r = row.props"
    )


FLOOR_NODES = "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props"


def naive_node_query(label: str) -> str:
    return f"MERGE {_endpoint('n', label, '$key')} SET n = $props SET n:$($labels)"


RELATIONSHIP_TYPES = frozenset(
    {"IN", "BELONGS_TO", "PARTICIPANT", "IN_PLACE", "ABOUT", "PART_OF", "PRODUCED", "ON", "EVIDENCE", "PARTY"}
    | {"HELD_BY", "OF", "HOLDS"}
)


def naive_relationship_query(start: str, end: str, kind: str) -> str:
    """A static type: MERGE with a dynamic one (`$($type)`) is planned as a scan of every relationship."""
    assert kind in RELATIONSHIP_TYPES
    return (
        f"MATCH {_endpoint('a', start, '$start')} MATCH {_endpoint('b', end, '$end')} "
        f"MERGE (a)-[r:{kind}]->(b) SET r = $props"
    )


async def write_floor(driver: AsyncDriver, database: str, flat: FlatFile, batch_size: int) -> float:
    """Seconds to write one file's rows the bare way, in one transaction."""
    started = time.perf_counter()
    async with driver.session(database=database) as session:
        tx = await session.begin_transaction()
        for rows in flat.nodes.values():
            await _batched(tx, FLOOR_NODES, rows, batch_size)
        for (start, end), rows in flat.relationships.items():
            await _batched(tx, floor_relationship_query(start, end), rows, batch_size)
        await tx.commit()
    return time.perf_counter() - started


async def write_naive(
    driver: AsyncDriver, database: str, flat: FlatFile, autocommit: bool, limit: int
) -> tuple[float, int]:
    """Seconds to write (up to `limit` of) one file's rows one MERGE at a time, and how many rows that was.

    With `autocommit` each MERGE is its own transaction, as `session.run` in a loop does; otherwise the
    whole file shares one.
    """
    statements = [
        (
            naive_node_query(label),
            {
                "key": row["id"] if "id" in row else row[KEYS[label]],
                "props": row["props"],
                "labels": row["labels"],
            },
        )
        for label, rows in flat.nodes.items()
        for row in rows
    ]
    statements += [
        (
            naive_relationship_query(start, end, row["type"]),
            {"start": row["start"], "end": row["end"], "props": row["props"]},
        )
        for (start, end), rows in flat.relationships.items()
        for row in rows
    ]
    statements = statements[:limit]
    started = time.perf_counter()
    async with driver.session(database=database) as session:
        if autocommit:
            for query, params in statements:
                await (await session.run(query, params)).consume()
        else:
            tx = await session.begin_transaction()
            for query, params in statements:
                await (await tx.run(query, params)).consume()
            await tx.commit()
    return time.perf_counter() - started, len(statements)


async def _batched(tx: Any, query: str, rows: list[dict[str, Any]], batch_size: int) -> None:
    remaining = iter(rows)
    while batch := list(islice(remaining, batch_size)):
        await (await tx.run(query, {"rows": batch})).consume()
