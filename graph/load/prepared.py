"""What one file's transaction is to write, gathered block by block: `PreparedFile`, and `QUERIES` (the
query that writes each section).

The writer (graph/load/writer.py) fills it as it compares a file's blocks with the graph; a retraction
(graph/load/retraction.py, also `kg unload`) adds what it withdraws. It is a module of its own so that both
can use it without importing each other.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.load.files import SeedFile
from graph.load.rows import Row
from graph.load.summary import LoadSummary
from graph.reports.decisions import Proposal
from graph.spill import SpillList
from graph.store_types import Batch

QUERIES = {
    "source": "load_sources",
    "actors": "load_actors",
    "agreements": "load_agreements",
    "events": "load_events",
    "offices": "load_offices",
    "claims": "load_claims",
}


@dataclass
class PreparedFile:
    file: SeedFile
    sha256: str | None = None
    batches: list[tuple[str, list[Row], int]] = field(default_factory=list)
    """(query, the rows to write, how many records they stand for) per batch; rows may be empty."""
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    """The ids the block at hand created and updated: written below the change record with the block's
    batches (queries/load_change_ids.cypher), then forgotten, so a file of millions of records holds a
    block's worth of ids, not all of them."""
    unchanged: int = 0
    load_id: str = field(default_factory=lambda: f"load:{uuid.uuid4().hex}")
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    kind: str = "load"
    facts_created: int = 0
    facts_updated: int = 0
    merged: int = 0
    """Facts another source reported before that this file now reports too."""
    facts_unchanged: int = 0
    reports: list[Row] = field(default_factory=list)
    """New reports, written once their facts are."""
    retracted: list[str] = field(default_factory=list)
    """Report ids retracted, of the block at hand (forgotten once handed on; `retracted_count` counts all)."""
    deleted: list[str] = field(default_factory=list)
    """Facts left with no live report, of the block at hand (as `retracted`)."""
    handed: tuple[int, int] = (0, 0)
    """How many report ids retracted and facts deleted the blocks handed on before held."""
    tally: LoadSummary = field(default_factory=LoadSummary)
    """Records created / updated / unchanged by label: added to the load's summary once the file commits."""
    matches: SpillList[Proposal] = field(default_factory=SpillList)
    """The matcher's 'attach' and 'review' proposals for this file's records (printed by `kg load`)."""
    remap: dict[str, str] = field(default_factory=dict)
    """Record id -> the fact it reports under another id (graph/load/matching.py)."""
    candidates: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)

    def change(self, by: str) -> Batch:
        """The file's :Change:Load record (queries/load_change.cypher), first in the file's transaction."""
        row = {
            "id": self.load_id,
            "kind": self.kind,
            "file": self.file.name,
            "sha256": self.sha256,
            "created": self.facts_created,
            "updated": self.facts_updated,
            "merged": self.merged,
            "retracted": self.retracted_count,
            "unchanged": self.facts_unchanged,
        }
        return Batch("load_change", [row], {"by": by, "at": self.at})

    @property
    def retracted_count(self) -> int:
        return self.handed[0] + len(self.retracted)

    @property
    def deleted_count(self) -> int:
        return self.handed[1] + len(self.deleted)

    def report_batches(self) -> list[Batch]:
        """Retractions, the new reports, the facts left with none, the matcher's decisions and candidates, and
        the ids created and updated: after the facts are written (those not handed on yet)."""
        params = {"at": self.at, "load": self.load_id}
        ids: list[Mapping[str, Any]] = [
            {"load": self.load_id, "created": self.created, "updated": self.updated}
        ]
        batches = [
            Batch("report_retract", [{"id": each} for each in self.retracted], params),
            Batch("report_create", list(self.reports), params),
            Batch("fact_delete", [{"id": each} for each in self.deleted], params),
            Batch("decide_candidates", list(self.decisions), {"decisions": self.decisions}),
            Batch("record_candidates", list(self.candidates), {"candidates": self.candidates}),
            Batch("load_change_ids", ids if self.created or self.updated else []),
        ]
        return [batch for batch in batches if batch.rows]

    def handed_on(self) -> None:
        """Forget what was handed to the transaction (the next block's come next); keep the counts."""
        self.handed = (self.retracted_count, self.deleted_count)
        self.batches, self.reports, self.decisions, self.candidates = [], [], [], []
        self.created, self.updated, self.retracted, self.deleted = [], [], [], []
