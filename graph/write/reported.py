"""A fact written through the API is a report too, so loads and mutations reconcile instead of overwriting.

A mutation's event or agreement is the report of the source its first quote cites (every quote a mutation
gives names its source, so there is always one; the loader picks a file's reports' source the same way when
the file has no `source:`). As in the loader (graph/load/writer.py): the same record from that source again
changes nothing; otherwise that source's earlier report of the fact is retracted, the new one written (in
the mutation's :Load), and the fact reconciled from it and every other source's live report, disputes and
`sources` on links included. So a later `kg load` of a digest reporting the same fact makes two reports of
it, and `kg unload` of the digest leaves the API's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graph.load.reports import StoredReport, fact_row, record_json, report_id, single_report_props
from graph.load.retraction import live_reports
from graph.load.rows import Row
from graph.model import SectionRecord
from graph.store import GraphStore
from graph.store_types import Batch

SECTIONS = {"Event": "events", "Agreement": "agreements", "Office": "offices", "Claim": "claims"}
"""The fact labels a mutation may write, and their seed-file sections (a report's `section`)."""


@dataclass
class Reported:
    """What a mutation's facts do to reports: the rows to write (reconciled), the report batches."""

    rows: list[tuple[str, Row]] = field(default_factory=list)
    new: list[dict[str, Any]] = field(default_factory=list)
    retracted: list[str] = field(default_factory=list)
    merged: int = 0
    """Facts another source reported that this mutation's source reports now too."""

    def batches(self, at: datetime, load: str) -> list[Batch]:
        """After the facts and the mutation's :Load record are written."""
        params = {"at": at, "load": load}
        found = [
            Batch("report_retract", [{"id": each} for each in self.retracted], params),
            Batch("report_create", list(self.new), params),
        ]
        return [batch for batch in found if batch.rows]


async def as_reports(
    store: GraphStore,
    rows: Sequence[tuple[str, Row, str]],
    stored_hashes: dict[str, str | None],
    at: datetime,
) -> Reported:
    """`rows`: (label, the row as the mutation gives it, the report's `record`) of each fact; returns the rows
    to write (a fact unchanged by the mutation left out) and the reports to retract and create.
    `stored_hashes`: the content hash the graph holds of each fact (None for a new one)."""
    facts = [row["id"] for _, row, _ in rows]
    live = await live_reports(store.read, facts, None) if facts else {}
    outcome = Reported()
    for label, row, record in rows:
        fact, section = row["id"], SECTIONS[label]
        source = row["evidence"][0]["source"]
        new_id = report_id(fact, source, row["props"]["_hash"])
        reports = live.get(fact, [])
        mine = [report for report in reports if report.source == source]
        others = [report for report in reports if report.source != source]
        if not others:
            written = single_report_props(row, source, at)
            if mine:
                written["props"]["first_reported"] = min(report.loaded_at for report in mine)
        else:
            mine_now = StoredReport(new_id, fact, source, section, record, at)
            written = fact_row(section, fact, [*others, mine_now], at)
        already = any(report.id == new_id for report in mine)
        if already and stored_hashes.get(fact) == written["props"]["_hash"]:
            continue  # the same source said the same before, and the fact shows it
        outcome.rows.append((label, written))
        if already:
            continue  # the report stands; the fact was changed since and is written again from it
        outcome.retracted.extend(report.id for report in mine)
        outcome.new.append(
            {"id": new_id, "fact": fact, "source": source, "section": section, "hash": row["props"]["_hash"],
             "record": record}
        )  # fmt: skip
        if others and not mine:
            outcome.merged += 1
    return outcome


def mutation_record(model: SectionRecord, row: Row) -> str:
    """The report's `record`: the mutation's model, references resolved, and its evidence rows."""
    return record_json(model, row["evidence"])


async def retract_all(store: GraphStore, fact: str) -> list[str]:
    """The ids of a fact's live reports, to retract when the fact is deleted."""
    live = await live_reports(store.read, [fact], None)
    return [report.id for report in live.get(fact, [])]
