"""What a load did (or, dry, would do): created, updated and unchanged records per label."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.table import Table

from graph.reports.decisions import Proposal
from graph.spill import SpillList


@dataclass
class LabelCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class LoadSummary:
    dry_run: bool = False
    files: list[str] = field(default_factory=list)
    counts: dict[str, LabelCounts] = field(default_factory=dict)
    records: int = 0
    rows_written: int = 0
    nodes_created: int = 0
    """Every node, including the time nodes (:Day, :Month, :Year, :Decade) events link to."""
    relationships_created: int = 0
    relationships_deleted: int = 0
    merged: int = 0
    """Facts another source reported before that a file of this load reports too."""
    retracted: int = 0
    """Reports retracted: records a file no longer gives, earlier versions of records it changed."""
    deleted: int = 0
    """Facts left with no live report."""
    matches: SpillList[tuple[str, Proposal]] = field(default_factory=SpillList)
    """(file, proposal): records the matcher attached to a known fact under another id, and the uncertain
    pairs it recorded for `kg review`: on disk past a size (a file of thousands of near-identical events
    gives thousands of pairs), printed at the end."""
    seconds: float = 0.0

    def count(self, label: str) -> LabelCounts:
        return self.counts.setdefault(label, LabelCounts())

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())

    def table(self) -> Table:
        verb = "would be " if self.dry_run else ""
        title = f"{self.records} records from {len(self.files)} file(s) in {self.seconds:.1f}s"
        if self.seconds > 0 and self.records:
            title += f" ({self.records / self.seconds:,.0f} records/s)"
        table = Table(title=title)
        table.add_column("label")
        for column in ("created", "updated", "unchanged"):
            table.add_column(verb + column if column != "unchanged" else column, justify="right")
        for label in sorted(self.counts):
            counts = self.counts[label]
            table.add_row(label, str(counts.created), str(counts.updated), str(counts.unchanged))
        if not self.dry_run:
            table.caption = (
                f"relationships: {self.relationships_created} created, {self.relationships_deleted} removed; "
                f"nodes created (with time nodes): {self.nodes_created}; facts merged with other sources' "
                f"reports: {self.merged}; reports retracted: {self.retracted}; facts deleted: {self.deleted}"
            )
        return table
