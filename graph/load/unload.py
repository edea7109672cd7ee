"""`kg unload SOURCE`: withdraw everything one digest (one source) reported, in one transaction.

Every live report of the source is retracted; each fact it reported is reconciled from the reports left, or
deleted when none is left; the :Source node goes when nothing live refers to it any more (no live report, no
quote). A :Change:Load record of kind `unload` says who did it and when. Loading A, then B, then unloading B
leaves the facts and links of loading A alone (tests/graph/test_reports.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InvalidInput, Location, NotFound, Problem, QueryTimeout
from graph.load.files import SeedFile
from graph.load.prepared import PreparedFile
from graph.load.reading import read_file
from graph.load.records import parse_records
from graph.load.reports import StoredReport
from graph.load.retraction import withdraw
from graph.settings import DEFAULT_MAX_FILE_BYTES
from graph.store import GraphStore
from graph.store_types import Batch, Reader


@dataclass
class UnloadSummary:
    source: str
    retracted: int
    updated: int
    deleted: int
    source_deleted: bool

    def text(self) -> str:
        gone = "; the source is gone" if self.source_deleted else "; the source stays (still quoted)"
        return (
            f"{self.source}: {self.retracted} report(s) retracted, {self.updated} fact(s) reconciled from "
            f"other sources, {self.deleted} fact(s) deleted{gone}"
        )


def source_of(given: str, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> str:
    """The source id `given` names: itself, or the `source:` of the seed file at that path."""
    path = Path(given)
    if not path.is_file():
        return given
    raw = read_file(path, given, max_file_bytes)
    parsed = parse_records(raw)
    if parsed.source is None:
        message = "this file has no `source:`; unload needs one (or give the source id)"
        raise InvalidInput([Problem(Location(file=given, field="source"), message)])
    return parsed.source.id


async def unload_source(store: GraphStore, source: str, *, by: str) -> UnloadSummary:
    """Retract every live report of `source` and reconcile or delete its facts; NotFound if it has none.
    The live reports are read inside the write transaction, so a load committing meanwhile is not missed."""
    done: PreparedFile | None = None

    async def batches(run: Reader) -> AsyncIterator[Batch]:
        nonlocal done
        live = await run("report_live", facts=[], source=source)
        if not live:
            raise NotFound(f"no live report from source '{source}': nothing to unload")
        prepared = done = PreparedFile(SeedFile(Path(source), source), kind="unload")
        await withdraw(run, prepared, [StoredReport.of(each) for each in live])
        yield prepared.change(by)
        for query, rows, _ in prepared.batches:
            if rows:
                yield Batch(query, list(rows))
        for batch in prepared.report_batches():
            yield batch
        yield Batch("source_unload", [], {"source": source})

    try:
        await store.write_batches(batches, reads=True)
    except QueryTimeout:  # the store says what happened; whoever unloads is told the setting
        message = (
            f"the unload's transaction ran longer than KG_LOAD_TIMEOUT ({store.timeouts.load:g} s) and was "
            "stopped; nothing of it was written. Raise KG_LOAD_TIMEOUT, or try again when the server is idle"
        )
        raise QueryTimeout(message) from None
    assert done is not None
    prepared = done
    remaining = await store.read("source_exists", source=source)
    return UnloadSummary(
        source,
        retracted=prepared.retracted_count,
        updated=prepared.facts_updated,
        deleted=prepared.deleted_count,
        source_deleted=not remaining,
    )
