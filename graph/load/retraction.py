"""Retraction: the live reports of a source or of facts, and withdrawing reports from the graph.

A reload retracts the reports of its source whose facts the file no longer gives (the writer, graph/load/
writer.py), `kg unload` every report of a source (graph/load/unload.py), and a mutation reads the live
reports of the fact it writes (graph/write/reported.py). A withdrawn report's fact is reconciled from the
reports left, or deleted with its last one; what that writes goes to the file's `PreparedFile`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence

from graph.load.prepared import QUERIES, PreparedFile
from graph.load.reports import StoredReport, fact_row
from graph.load.rows import Row
from graph.reports.candidates import Run
from graph.spill import PAGE, SpillList, pages
from graph.store_types import Record


async def live_of_source(run: Run, source: str) -> SpillList[Record]:
    """The live reports of `source` (queries/report_live_of_source.cypher), a page at a time into a list
    that moves to disk when long: a reload of a source with millions of reports holds a page of them.
    Read as the file's transaction begins, before its first write: then they are an index seek over
    committed data; read at the end, the seek also goes through every report the transaction wrote, seconds
    per file. The same set either way: the reports the file writes or retracts are of facts it gives."""
    found: SpillList[Record] = SpillList()
    after = ""
    while True:
        page = await run("report_live_of_source", source=source, after=after, page=PAGE)
        found.extend(page)
        if len(page) < PAGE:
            return found
        after = page[-1]["id"]


def gone_pages(given: Collection[str], source: str, found: Iterable[Record]) -> Iterator[list[StoredReport]]:
    """The reports of `source` whose facts the file no longer gives (a reload retracts them), by pages."""
    gone = (
        StoredReport(each["id"], each["fact"], source, each["section"], "", each["loaded_at"])
        for each in found
        if each["fact"] not in given
    )
    yield from pages(gone, PAGE)


async def live_reports(run: Run, facts: list[str], source: str | None) -> dict[str, list[StoredReport]]:
    """The live reports of these facts and every live report of `source`, by fact."""
    found = await run("report_live", facts=facts, source=source)
    live: dict[str, list[StoredReport]] = {}
    for each in found:
        live.setdefault(each["fact"], []).append(StoredReport.of(each))
    return live


async def withdraw(run: Run, prepared: PreparedFile, reports: Sequence[StoredReport]) -> None:
    """Retract these reports; reconcile their facts from the reports left, delete those left with none."""
    if not reports:
        return
    gone = {report.id for report in reports}
    prepared.retracted.extend(sorted(gone))
    left = await live_reports(run, sorted({report.fact for report in reports}), None)
    rewritten: dict[str, list[Row]] = {}
    for report in reports:
        others = [each for each in left.get(report.fact, []) if each.id not in gone]
        if not others:
            prepared.deleted.append(report.fact)
            continue
        row = fact_row(report.section, report.fact, others, prepared.at)
        rewritten.setdefault(report.section, []).append(row)
        prepared.updated.append(report.fact)
        prepared.facts_updated += 1
    for section, rows in rewritten.items():
        prepared.batches.append((QUERIES[section], rows, 0))
