"""Compare what two ways of building a graph wrote, fact by fact and link by link.

History is left out: :Report nodes (live and retracted; a fact's live reports show in its `source_count`,
`disputes` and its links' `sources`), :Load records (with their :LoadIds) and :Change records and the
relationships to them, the matcher's bookkeeping (:Candidate pairs for `kg review`, stamped when found, and
the :MatchLock nodes loads lock), and the time stamps that say when something was loaded (`first_reported`,
`last_changed`, created/updated stamps).
"""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore

HISTORY_LABELS = ["Change", "Load", "LoadIds", "Report", "Candidate", "MatchLock"]
TIME_STAMPS = frozenset({"first_reported", "last_changed", "created_at", "updated_at"})

_NODES = (
    "MATCH (n) WHERE NOT any(label IN labels(n) WHERE label IN $history) "
    "RETURN labels(n) AS labels, properties(n) AS props"
)
_LINKS = (
    "MATCH (a)-[r]->(b) WHERE NOT any(label IN labels(a) + labels(b) WHERE label IN $history) "
    "RETURN coalesce(a.id, toString(a.date)) AS start, type(r) AS type, properties(r) AS props, "
    "coalesce(b.id, toString(b.date), toString(b.month), toString(b.year), toString(b.decade)) AS end"
)


async def facts_and_links(store: GraphStore) -> list[str]:
    """Every node and relationship but history, properties sorted and time stamps left out, as sorted text."""
    lines: list[str] = []
    async with store.driver.session(database=store.database) as session:
        for query in (_NODES, _LINKS):
            for record in await (await session.run(query, history=HISTORY_LABELS)).data():
                lines.append(_line(record))
    return sorted(lines)


def _line(record: dict[str, Any]) -> str:
    if "labels" in record:
        record["labels"] = sorted(record["labels"])
    props = {key: value for key, value in record["props"].items() if key not in TIME_STAMPS}
    if isinstance(props.get("sources"), list):
        props["sources"] = sorted(props["sources"])
    record["props"] = sorted(props.items())
    return repr(sorted(record.items()))
