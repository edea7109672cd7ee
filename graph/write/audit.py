"""Who made each write and when: audit properties on the node written, and a :Change record of it.

The audit properties are added to a row after graph.load.rows computed its content hash, so they never make
an unchanged record look changed; the loader's `SET n = row.props` writes them with the rest.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from graph.load.rows import Row
from graph.model.ids import ACTOR_PREFIXES, split_id
from graph.store import GraphStore
from graph.store_types import Batch
from graph.write.references import Stored

Op = Literal["create", "update", "delete"]


@dataclass(frozen=True)
class Change:
    op: Op | Literal["load"]
    """create, update or delete by a mutation or a load; `load` for the record of a seed file's load."""
    target: str
    label: str
    by: str
    at: datetime
    file: str | None = None
    """The seed file whose load made the change; None for a mutation."""


@dataclass(frozen=True)
class Audit:
    by: str
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    load_id: str = field(default_factory=lambda: f"load:{uuid.uuid4().hex}")
    """The write's :Change:Load record, which the reports it writes point to."""

    def stamp(self, row: Row, stored: Stored | None) -> Row:
        """`row` with who wrote it and when; a node the graph held keeps its creator (none if loaded)."""
        props: dict[str, Any] = row["props"]
        if stored is None:
            props.update(created_by=self.by, created_at=self.at)
        else:
            created = {"created_by": stored.created_by, "created_at": stored.created_at}
            props.update({key: value for key, value in created.items() if value is not None})
        props.update(updated_by=self.by, updated_at=self.at)
        return row

    def load(self, changed: list[tuple[Op, str, str]], merged: int = 0, retracted: int = 0) -> Batch:
        """The write's :Change:Load record (kind `mutation`) for the change feed: counts only, since its
        :Change records already name each id for the history. `merged`: facts another source reported
        that the mutation's source reports now too (counted apart from `updated`); `retracted`: reports
        retracted (at least one per deletion)."""
        ops = [op for op, _, _ in changed]
        row: dict[str, Any] = {
            "id": self.load_id,
            "kind": "mutation",
            "file": None,
            "sha256": None,
            "created": ops.count("create"),
            "updated": ops.count("update") - merged,
            "merged": merged,
            "retracted": max(retracted, ops.count("delete")),
            "unchanged": 0,
        }
        return Batch("load_change", [row], {"by": self.by, "at": self.at})

    def changes(self, changed: list[tuple[Op, str, str]]) -> Batch:
        """The :Change records of this write: (op, label, id) each."""
        rows: list[Mapping[str, Any]] = [
            {"op": op, "label": label, "target": target} for op, label, target in changed
        ]
        return Batch("write_changes", rows, {"by": self.by, "at": self.at})


async def history(store: GraphStore, target: str) -> list[Change]:
    """Every recorded change of the node with this id (mutations and loads), oldest first, also after it was
    deleted; given a seed file's name as loaded, the loads of that file."""
    rows = await store.read("write_history", target=target)
    return [
        Change(row["op"], target, row["label"] or _base_label(target), row["by"], row["at"], row["file"])
        for row in rows
    ]


def _base_label(target: str) -> str:
    """The base label of a record a load wrote, from its id's prefix (a load records ids only)."""
    prefix = (split_id(target) or ("", ""))[0]
    return "Actor" if prefix in ACTOR_PREFIXES.values() else prefix.capitalize()
