"""The second pass: one transaction per file, its rows in UNWIND batches.

While one file is being written, the next is parsed, validated and turned into rows in a worker thread, so
Python and Neo4j work at the same time. Records whose content hash matches the stored one are skipped, so
loading a file again writes nothing.

A fact's record is a report of its file's source (graph/load/reports.py). Once the files before it are
written, a file's facts are compared with their live reports: a report the graph holds already is unchanged;
a fact no source reported yet is written from its one report (the fast path: no other reads); otherwise the
source's earlier report of it is retracted and the fact reconciled from every live report. A fact the source
reported before and the file no longer gives loses that report, and is deleted with its last one.

Every read happens inside the file's write transaction (`classify` gets the transaction's `run`), so what a
concurrent load of another file commits is either seen whole or waited for: the matching step
(graph/load/matching.py) locks the months of the file's new events before it searches for known ones, and a
record with an id the graph does not hold may turn out to be a report of a known fact under another id.
A transaction retried after a deadlock classifies the file again from its parsed rows (never changed in
place); the summary counts only the attempt that committed.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import groupby, islice
from typing import Any

from neo4j.exceptions import Neo4jError

from graph.errors import InvalidInput, KgError, Location, ValidationFailed
from graph.load.catalog import STORED, Catalog
from graph.load.files import SeedFile
from graph.load.matching import close_stored_actors, settle
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import Unreadable, read_file
from graph.load.records import ParsedFile, parse_records
from graph.load.reports import (
    FACT_SECTIONS,
    StoredReport,
    fact_row,
    record_json,
    report_id,
    resolved,
    single_report_props,
)
from graph.load.rows import Row, record_row, source_row
from graph.load.summary import LoadSummary
from graph.model import SECTIONS, ActorBase, Target
from graph.reports.candidates import Run, candidate_rows
from graph.reports.decisions import Decisions, Proposal
from graph.reports.matching import ATTACH, REVIEW
from graph.settings import DEFAULT_MAX_FILE_BYTES
from graph.store import Batch, GraphStore

ProgressHook = Callable[[int], None]

QUERIES = {
    "source": "load_sources",
    "actors": "load_actors",
    "agreements": "load_agreements",
    "events": "load_events",
    "offices": "load_offices",
    "claims": "load_claims",
}
FRESH_QUERIES = {"agreements": "load_agreements_new", "events": "load_events_new"}
"""Faster queries for records with nothing in the graph yet whose actors and sources are already written."""
TAKEN_BY = {FRESH_QUERIES[section]: QUERIES[section] for section in FRESH_QUERIES}
"""What writes a record the fast query found written by another load in the meantime (two loads at once)."""
SECTION_ORDER = {section: position for position, section in enumerate(QUERIES)}

_ID_LISTS = {section: "sources" if section == "source" else section for section in QUERIES}
"""The parameter of `load_stored_hashes` that takes each section's ids."""


@dataclass
class ParsedRows:
    """A file read and turned into rows (in a worker thread), not yet compared with the graph."""

    file: SeedFile
    sha256: str | None
    chunks: list[tuple[str, list[Row]]]
    source: str | None
    """The file's `source:` id: its reports' source, and whose earlier reports a reload retracts."""
    decisions: Decisions = field(default_factory=Decisions)
    """The file's matching decisions: its records' same_as / not_same_as and its `decisions:` list."""


@dataclass
class PreparedFile:
    file: SeedFile
    sha256: str | None = None
    batches: list[tuple[str, list[Row], int]] = field(default_factory=list)
    """(query, the rows to write, how many records they stand for) per batch; rows may be empty."""
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
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
    """Report ids retracted."""
    deleted: list[str] = field(default_factory=list)
    """Facts left with no live report."""
    tally: LoadSummary = field(default_factory=LoadSummary)
    """Records created / updated / unchanged by label: added to the load's summary once the file commits."""
    matches: list[Proposal] = field(default_factory=list)
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
            "retracted": len(self.retracted),
            "unchanged": self.facts_unchanged,
            "created_ids": self.created,
            "updated_ids": self.updated,
        }
        return Batch("load_change", [row], {"by": by, "at": self.at})

    def report_batches(self) -> list[Batch]:
        """Retractions, the new reports, and the facts left with none: after the facts are written."""
        params = {"at": self.at, "load": self.load_id}
        batches = [
            Batch("report_retract", [{"id": each} for each in self.retracted], params),
            Batch("report_create", list(self.reports), params),
            Batch("fact_delete", [{"id": each} for each in self.deleted], params),
            Batch("decide_candidates", list(self.decisions), {"decisions": self.decisions}),
            Batch("record_candidates", list(self.candidates), {"candidates": self.candidates}),
        ]
        return [batch for batch in batches if batch.rows]

    @property
    def writes(self) -> bool:
        reports = self.retracted or self.reports or self.deleted
        return bool(reports or self.decisions or self.candidates) or any(r for _, r, _ in self.batches)


@dataclass
class FileWriter:
    store: GraphStore
    catalog: Catalog
    texts: SourceTexts
    summary: LoadSummary
    batch_size: int = 5000
    dry_run: bool = False
    progress: ProgressHook | None = None
    by: str = "kg load"
    """Who loads, for the change records: the OS user or `kg load --by`."""
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    write_position: dict[int, int] = field(default_factory=dict)
    """Catalog file index -> its place in the write order; a file's records exist once it is written."""
    match_attach: float = ATTACH
    match_review: float = REVIEW
    """The matcher's thresholds (KG_MATCH_ATTACH, KG_MATCH_REVIEW): graph/reports/matching.py."""
    remap: dict[str, str] = field(default_factory=dict)
    """Record id -> the fact it reports under another id, from the files of this load written so far."""
    _loaded_actors: set[str] | None = None

    async def write_all(self, files: Sequence[SeedFile]) -> None:
        if not files:
            return
        self.write_position = {file.index: position for position, file in enumerate(files)}
        upcoming = asyncio.ensure_future(self.parse(files[0]))
        try:
            for following in [*files[1:], None]:
                parsed = await upcoming
                if following is not None:
                    upcoming = asyncio.ensure_future(self.parse(following))
                await self.write(parsed)
        finally:
            upcoming.cancel()

    async def parse(self, file: SeedFile) -> ParsedRows:
        return await asyncio.to_thread(self._chunks, file)

    async def prepare(self, file: SeedFile) -> PreparedFile:
        return await self.classify(await self.parse(file), self.store.read, lock=False)

    async def classify(self, parsed: ParsedRows, run: Run, *, lock: bool = True) -> PreparedFile:
        """Compare the file's rows with the graph (after the files before it are written), reading through
        `run` (the file's write transaction; a store's `read` in a dry run, with `lock` False). The parsed
        rows are left as they are, so a retried transaction can classify them again."""
        file = parsed.file
        chunks = list(parsed.chunks)
        stored = await _stored(run, chunks)
        settled = await settle(
            run,
            file.name,
            chunks,
            stored,
            parsed.decisions,
            self.remap,
            attach=self.match_attach,
            review=self.match_review,
            lock=lock,
            applied=self.catalog.decisions,
        )
        prepared = PreparedFile(file, parsed.sha256)
        prepared.matches, prepared.remap = settled.proposals, settled.remap
        prepared.candidates, prepared.decisions = settled.candidates, settled.decisions
        actors = [row for section, rows in chunks if section == "actors" for row in rows]
        if actors and not (file.implicit or file.path.parent.name == "reference"):
            close = await close_stored_actors(run, actors, stored, self.loaded_actors, self.catalog.decisions)
            prepared.matches += close
            prepared.candidates += candidate_rows(close, "actor")
        targets = sorted(set(settled.remap.values()) - stored.keys())
        if targets:  # the known facts records were found to report
            stored.update(await _stored(run, [(_section_of(fact), [{"id": fact}]) for fact in targets]))
        facts = list(
            dict.fromkeys(row["id"] for section, rows in chunks if section in FACT_SECTIONS for row in rows)
        )
        live = await live_reports(run, facts, parsed.source)
        for section, rows in chunks:
            fresh: list[Row] = []
            changed: list[Row] = []
            for row in rows:
                if section in FACT_SECTIONS:
                    written = self._report(prepared, section, row, live.get(row["id"], []), stored)
                    if written is None:
                        continue
                    row = written
                stored_hash, linked = stored.get(row["id"], (None, False))
                if not self._classify(prepared.tally, row, stored_hash, force=section in FACT_SECTIONS):
                    prepared.unchanged += 1
                else:
                    (prepared.created if stored_hash is None else prepared.updated).append(row["id"])
                    is_fresh = (
                        stored_hash is None
                        and not linked
                        and section in FRESH_QUERIES
                        and "link_sources" not in row
                    )
                    (fresh if is_fresh and self._targets_exist(row, file, section) else changed).append(row)
            if fresh:
                prepared.batches.append((FRESH_QUERIES[section], fresh, 0))
            prepared.batches.append((QUERIES[section], changed, len(rows)))
        if parsed.source is not None:
            given = set(facts)
            gone = [
                report
                for reports in live.values()
                for report in reports
                if report.source == parsed.source and report.fact not in given
            ]
            await withdraw(run, prepared, gone)
        return prepared

    def _report(
        self,
        prepared: PreparedFile,
        section: str,
        row: Row,
        live: list[StoredReport],
        stored: Mapping[str, tuple[str | None, bool]],
    ) -> Row | None:
        """Turn a fact's row into its report; the row to write for the fact, None when nothing changes."""
        row = {**row, "props": dict(row["props"])}  # the parsed row stays as it is, for a retry
        source, record = row.pop("_report")
        alias = row.pop("_alias", None)
        fact = row["id"]
        new_id = report_id(fact, source, row["props"]["_hash"])
        if any(report.id == new_id for report in live):
            if len(live) == 1 and stored.get(fact, (None, False))[0] != row["props"]["_hash"]:
                # Its one report is live, but something else (a mutation) changed the fact since: the file
                # writes it again as it says.
                prepared.facts_updated += 1
                rewritten = single_report_props(row, source, prepared.at)
                rewritten["props"]["first_reported"] = live[0].loaded_at
                return rewritten
            prepared.tally.count(row["label"]).unchanged += 1
            prepared.tally.records += 1
            prepared.unchanged += 1
            prepared.facts_unchanged += 1
            return None
        mine = [report for report in live if report.source == source]
        others = [report for report in live if report.source != source]
        prepared.retracted.extend(report.id for report in mine)
        prepared.reports.append(
            {
                "id": new_id,
                "fact": fact,
                "source": source,
                "section": section,
                "hash": row["props"]["_hash"],
                "record": record,
                "alias": alias,
            }
        )
        if not others:
            if stored.get(fact, (None, False))[0] is None:
                prepared.facts_created += 1
            else:
                prepared.facts_updated += 1
            return single_report_props(row, source, prepared.at)
        if mine:
            prepared.facts_updated += 1
        else:
            prepared.merged += 1
        mine_now = StoredReport(new_id, fact, source, section, record, prepared.at)
        return fact_row(section, fact, [*others, mine_now], prepared.at)

    async def write(self, parsed: ParsedRows) -> None:
        """Classify the file and write it in one transaction (a dry run only classifies, outside any)."""
        if self.dry_run:
            prepared = await self.classify(parsed, self.store.read, lock=False)
            self._account(prepared)
            if self.progress:
                self.progress(sum(records for _, _, records in prepared.batches))
            return
        reported = 0
        attempt: PreparedFile | None = None

        async def batches(run: Run) -> AsyncIterator[Batch]:
            """Classify inside the transaction, then the file's batches and its change record; made again
            for each attempt (a retry after a deadlock); progress advances only past what an earlier attempt
            reported."""
            nonlocal reported, attempt
            prepared = attempt = await self.classify(parsed, run)
            if not prepared.writes:
                return
            done = 0
            yield prepared.change(self.by)
            for query, rows, records in prepared.batches:
                if rows:
                    changed: list[Mapping[str, Any]] = list(rows)
                    yield Batch(query, changed, taken_by=TAKEN_BY.get(query))
                done += records
                if self.progress and done > reported:
                    self.progress(done - reported)
                    reported = done
            for batch in prepared.report_batches():
                yield batch

        try:
            written = await self.store.write_batches(batches, reads=True)
        except OverflowError as exc:  # the model should have refused it; the file still names the culprit
            where = Location(file=parsed.file.name)
            raise ValidationFailed(
                f"a number too large for Neo4j (64-bit integers): {exc}", location=where
            ) from None
        except Neo4jError as exc:  # e.g. the transaction's memory limit: name the file, not a traceback
            where = Location(file=parsed.file.name)
            message = f"Neo4j refused the file, nothing of it was written ({exc.code}): {exc.message}"
            raise KgError(message, location=where) from None
        assert attempt is not None
        self._account(attempt)
        if self.progress and not attempt.writes:
            self.progress(sum(records for _, _, records in attempt.batches))
        self.remap.update(attempt.remap)
        self.summary.rows_written += written.rows
        self.summary.nodes_created += written.nodes_created
        self.summary.relationships_created += written.relationships_created
        self.summary.relationships_deleted += written.relationships_deleted

    def _account(self, prepared: PreparedFile) -> None:
        """Add what the file did (the attempt that committed, or a dry run's) to the load's summary."""
        summary = self.summary
        summary.files.append(prepared.file.name)
        summary.merged += prepared.merged
        summary.retracted += len(prepared.retracted)
        summary.deleted += len(prepared.deleted)
        summary.records += prepared.tally.records
        for label, counts in prepared.tally.counts.items():
            mine = summary.count(label)
            mine.created += counts.created
            mine.updated += counts.updated
            mine.unchanged += counts.unchanged
        summary.matches.extend((prepared.file.name, proposal) for proposal in prepared.matches)

    @property
    def loaded_actors(self) -> set[str]:
        """The actors the files of this load define (the first pass compared their names already)."""
        if self._loaded_actors is None:
            self._loaded_actors = {
                actor_id
                for actor_id, known in self.catalog.definitions.items()
                if known.section == "actors" and known.file != STORED
            }
        return self._loaded_actors

    def _targets_exist(self, row: Row, file: SeedFile, section: str) -> bool:
        """Whether every actor and source the row links to is written before it (fresh queries MATCH them)."""
        here = (self.write_position.get(file.index, -1), SECTION_ORDER[section])
        targets = [link["target"] for link in (*row.get("participants", ()), *row.get("parties", ()))]
        targets += [*row.get("places", ()), *row.get("about", ())]
        targets += [evidence["source"] for evidence in row["evidence"]]
        for target in targets:
            known = self.catalog.definitions[target]
            if known.file == STORED:  # in the graph before the load began
                continue
            if (
                self.write_position.get(known.file, len(self.write_position)),
                SECTION_ORDER[known.section],
            ) >= here:
                return False
        return True

    @staticmethod
    def _classify(tally: LoadSummary, row: Row, stored_hash: str | None, force: bool = False) -> bool:
        """Count the row as created, updated or unchanged; True when it has to be written (`force`: a fact
        whose reports changed, even when its reconciled row did not)."""
        counts = tally.count(row["label"])
        tally.records += 1
        if stored_hash is None:
            counts.created += 1
        elif stored_hash == row["props"]["_hash"] and not force:
            counts.unchanged += 1
            return False
        else:
            counts.updated += 1
        return True

    def _chunks(self, file: SeedFile) -> ParsedRows:
        """The file's content hash and its rows in batches, by section."""
        raw = read_file(file.path, file.name, self.max_file_bytes)
        parsed = parse_records(raw)
        if parsed.problems:
            raise InvalidInput(parsed.problems)
        chunks: list[tuple[str, list[Row]]] = []
        try:
            for section, group in groupby(self.rows(parsed), key=lambda pair: pair[0]):
                rows = (row for _, row in group)
                while chunk := list(islice(rows, self.batch_size)):
                    chunks.append((section, chunk))
        except (QuoteNotFound, Unreadable) as exc:
            raise KgError(f"a file changed while it was being loaded: {file.name}: {exc}") from None
        decisions = Decisions.gather((r.model for r in parsed.records), (d for _, d in parsed.decisions))
        return ParsedRows(file, raw.sha256, chunks, parsed.source.id if parsed.source else None, decisions)

    def rows(self, parsed: ParsedFile) -> Iterator[tuple[str, Row]]:
        """Every record of the file as its section and Cypher row, references resolved."""
        default_source = parsed.source.id if parsed.source else None
        if parsed.source is not None:
            yield "source", source_row(parsed.source, self.texts.text(parsed.source.id))
        for section in SECTIONS:
            for record in parsed.in_section(section):
                model = record.model
                if section not in FACT_SECTIONS:
                    if isinstance(model, ActorBase) and self.catalog.aliases.get(model.id, model.aliases) != (
                        model.aliases
                    ):
                        model = model.model_copy(update={"aliases": self.catalog.aliases[model.id]})
                    if isinstance(model, ActorBase) and model.id in self.catalog.filled:
                        missing = self.catalog.filled[model.id].items()
                        fill = {name: value for name, value in missing if getattr(model, name, "") is None}
                        model = model.model_copy(update=fill) if fill else model
                    yield section, record_row(model, self._resolve, self.texts.span, default_source)
                    continue
                model = resolved(model, self._resolve)
                row = record_row(model, _as_is, self.texts.span, default_source)
                source = default_source or row["evidence"][0]["source"]
                row["_report"] = (source, record_json(model, row["evidence"]))
                yield section, row

    def _resolve(self, ref: str, target: Target) -> str:
        resolved = self.catalog.resolve(ref, target)
        if isinstance(resolved, tuple):
            raise KgError(f"a file changed while it was being loaded: {resolved[1]}")
        return resolved


def _as_is(ref: str, target: Target) -> str:
    """References of a record already resolved."""
    return ref


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


async def _stored(
    run: Run, chunks: Sequence[tuple[str, Sequence[Row]]]
) -> dict[str, tuple[str | None, bool]]:
    """Id -> (the content hash stored on it, whether it has outgoing relationships), for the ids the graph
    holds among the rows' (one query: queries/load_stored_hashes.cypher)."""
    ids: dict[str, list[str]] = {_ID_LISTS[section]: [] for section in QUERIES}
    for section, rows in chunks:
        ids[_ID_LISTS[section]].extend(row["id"] for row in rows)
    found = await run("load_stored_hashes", **ids)
    return {each["id"]: (each["hash"], each["linked"]) for each in found}


def _section_of(fact: str) -> str:
    """The fact section of an id by its prefix (event:..., agreement:...)."""
    prefix = fact.partition(":")[0]
    return {"event": "events", "agreement": "agreements", "office": "offices", "claim": "claims"}[prefix]
