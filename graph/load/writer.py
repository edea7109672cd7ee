"""The second pass: one transaction per file, its rows in UNWIND batches.

Each file's records, as the first pass checked and kept them (graph/load/kept.py; read and checked again
when it kept none), are turned into rows while it is written: a worker thread makes blocks of about
`batch_size` rows, a few blocks ahead of the writer, and starts on the next file when it is done, so Python
and Neo4j work at the same time and memory holds a few blocks and the largest record, not the file. Records
whose content hash matches the stored one are skipped, so loading a file again writes nothing.

A fact's record is a report of its file's source (graph/load/reports.py). Once the files before it are
written, a block's facts are compared with their live reports: a report the graph holds already is
unchanged; a fact no source reported yet is written from its one report (the fast path: no other reads);
otherwise the source's earlier report of it is retracted and the fact reconciled from every live report. A
fact the source reported before and the file no longer gives loses that report (once the whole file is
read), and is deleted with its last one (graph/load/retraction.py).

Every read but the matcher's (the candidate searches and where places lie) happens inside the file's write
transaction (`classify` gets the transaction's `run`), so what a concurrent load of another file commits is
either seen whole or waited for: the matching step (graph/load/matching.py, once per block) locks the months
of the block's new events (and a key per bucket of its new offices' and claims' ids) before it searches for
known ones and reads their reports, and a record with an id the graph does not hold may turn out to be a
report of a known fact under another id. The searches themselves run outside the transaction, after its locks
are taken (`GraphStore.load_reader`: inside a transaction that has written anything they cost ten times the
CPU); what they cannot see there is the file's own earlier blocks, which are never proposed anyway, and the
places the file defines, which the matcher takes from the file's own records (`parents`). The file's decisions
(same_as, not_same_as, `decisions:`) come from the first pass, so every block knows them all. A transaction
retried after a deadlock reads the file again from its start; the summary counts only the attempt that
committed.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby, islice, pairwise

from neo4j.exceptions import Neo4jError

from graph.errors import InvalidInput, KgError, Location, QueryTimeout, ValidationFailed
from graph.load.catalog import STORED, Catalog
from graph.load.files import SeedFile
from graph.load.items import read_items
from graph.load.kept import kept_records
from graph.load.matching import close_stored_actors, settle
from graph.load.prepared import QUERIES, PreparedFile
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import RawFile, Unreadable
from graph.load.records import ORDER, Parsed, ParsedRecord, parse_items
from graph.load.reports import (
    FACT_SECTIONS,
    StoredReport,
    fact_row,
    record_json,
    report_id,
    resolved,
    single_report_props,
)
from graph.load.retraction import gone_pages, live_of_source, live_reports, withdraw
from graph.load.rows import Row, record_row, source_row
from graph.load.summary import LoadSummary
from graph.model import PLACE_KINDS, ActorBase, Source, Target
from graph.reports.candidates import Run, candidate_rows, decision_rows, place_containers
from graph.reports.matching import ATTACH, REVIEW
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES
from graph.spill import SpillList, SpillMap
from graph.store import OUT_OF_MEMORY, GraphStore
from graph.store_types import Batch, Record

ProgressHook = Callable[[int], None]

FRESH_QUERIES = {"agreements": "load_agreements_new", "events": "load_events_new"}
"""Faster queries for records with nothing in the graph yet whose actors and sources are already written."""
TAKEN_BY = {FRESH_QUERIES[section]: QUERIES[section] for section in FRESH_QUERIES}
"""What writes a record the fast query found written by another load in the meantime (two loads at once)."""
SECTION_ORDER = {section: position for position, section in enumerate(QUERIES)}

_ID_LISTS = {section: "sources" if section == "source" else section for section in QUERIES}
"""The parameter of `load_stored_hashes` that takes each section's ids."""


@dataclass
class ParsedRows:
    """A block of a file's rows (read in a worker thread), not yet compared with the graph."""

    file: SeedFile
    sha256: str | None
    chunks: list[tuple[str, list[Row]]]
    """(section, rows) in write order, about `batch_size` rows in all."""
    source: str | None
    """The file's `source:` id: its reports' source, and whose earlier reports a reload retracts."""


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
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    write_position: dict[int, int] = field(default_factory=dict)
    """Catalog file index -> its place in the write order; a file's records exist once it is written."""
    match_attach: float = ATTACH
    match_review: float = REVIEW
    """The matcher's thresholds (KG_MATCH_ATTACH, KG_MATCH_REVIEW): graph/reports/matching.py."""
    remap: dict[str, str] = field(default_factory=dict)
    """Record id -> the fact it reports under another id, from the files of this load written so far."""

    async def write_all(self, files: Sequence[SeedFile]) -> None:
        """Each file in its own transaction, its records made into rows while it is written: a worker thread
        turns the file into blocks of rows a few blocks ahead, and starts on the next file once it is done
        and the writer has begun this one (so reading runs at most one file ahead of the writer)."""
        if not files:
            return
        self.write_position = {file.index: position for position, file in enumerate(files)}
        # Every reader exists before any starts, each file's at its own position: a reader that is started
        # from the one before it (which may finish before the line that started it returns) can then never
        # be handed to another file's transaction. Until it starts, the writer waits on its empty queue.
        producers = [_Producer(self, file) for file in files]
        for before, after in pairwise(producers):
            before.then = after.start
        producers[0].start()
        try:
            for file, producer in zip(files, producers, strict=True):
                await self.write_file(file, producer)
        finally:
            for producer in producers:
                producer.stop.set()

    async def write_file(self, file: SeedFile, producer: _Producer) -> None:
        """One file, one transaction: its blocks classified and written as they come (again from the start
        of the file when the transaction is retried after a deadlock). A dry run classifies through the
        store's loader reads (KG_LOAD_TIMEOUT), outside any transaction, and takes no locks."""
        attempts = 0
        reported = 0
        outcome = PreparedFile(file)

        async def batches(run: Run, lock: bool = True) -> AsyncIterator[Batch]:
            """Made again for each attempt; progress advances only past what an earlier attempt reported."""
            nonlocal attempts, producer, outcome, reported
            attempts += 1
            if attempts > 1:
                producer.stop.set()
                producer.writer_began()  # the next file's reader still starts once this one has stopped
                producer = _Producer(self, file).start()
            prepared = outcome = PreparedFile(file)
            async for batch, done in self.stream(prepared, producer, run, lock):
                if batch is not None:
                    yield batch
                if self.progress and done > reported:
                    self.progress(done - reported)
                    reported = done

        where = Location(file=file.name)
        try:
            if self.dry_run:
                async for _ in batches(self.store.load_read, lock=False):
                    pass
                self._account(outcome)
                return
            written = await self.store.write_batches(batches, reads=True)
        except QueryTimeout:  # the store says what happened; whoever loads is told the file and what to do
            seconds = self.store.timeouts.load
            message = (
                f"the file's transaction ran longer than KG_LOAD_TIMEOUT ({seconds:g} s) and was stopped; "
                "nothing of it was written. Raise KG_LOAD_TIMEOUT, or split the file"
            )
            raise QueryTimeout(message, location=where) from None
        except OverflowError as exc:  # the model should have refused it; the file still names the culprit
            raise ValidationFailed(
                f"a number too large for Neo4j (64-bit integers): {exc}", location=where
            ) from None
        except Neo4jError as exc:  # e.g. the transaction's memory limit: name the file, not a traceback
            message = f"Neo4j refused the file, nothing of it was written ({exc.code}): {exc.message}"
            if (exc.code or "").endswith(OUT_OF_MEMORY):
                message += (
                    ". A file is one transaction: split the file, or give the server more transaction memory "
                    "(db.memory.transaction.max, dbms.memory.transaction.total.max)"
                )
            raise KgError(message, location=where) from None
        finally:
            producer.stop.set()
        self._account(outcome)
        self.remap.update(outcome.remap)
        self.summary.rows_written += written.rows
        self.summary.nodes_created += written.nodes_created
        self.summary.relationships_created += written.relationships_created
        self.summary.relationships_deleted += written.relationships_deleted

    async def stream(
        self, prepared: PreparedFile, producer: _Producer, run: Run, lock: bool
    ) -> AsyncIterator[tuple[Batch | None, int]]:
        """The file's batches as its blocks come, each with the records done so far: the :Change record
        before the first write, the reports of a block after its facts, the totals at the end."""
        given: SpillMap[str, str] = SpillMap()
        """Fact id -> the record of the file that reports it, for the blocks settled so far."""
        source: str | None = None
        earlier: SpillList[Record] | None = None
        """The source's live reports as the transaction began (read before its first write)."""
        started = False
        done = 0
        prepared.decisions = decision_rows(prepared.file.decisions)
        parents: dict[str, list[str]] = {}
        """Place id -> the places it lies in, for every place the file defines in the blocks so far (its
        actors come before its facts): the matcher's read of where places lie runs outside the transaction
        and cannot see them."""

        def flush() -> Iterator[Batch]:
            nonlocal started
            batches = [
                Batch(query, list(rows), {"at": prepared.at}, taken_by=TAKEN_BY.get(query))
                for query, rows, _ in prepared.batches
                if rows
            ]
            batches += prepared.report_batches()
            prepared.handed_on()
            if batches and not started:
                started = True
                yield prepared.change(self.by)
            yield from batches

        async for parsed in producer.blocks():
            prepared.sha256 = parsed.sha256
            source = parsed.source
            if source is not None and earlier is None and not started:
                earlier = await live_of_source(run, source)
            for section, rows in parsed.chunks:
                if section == "actors":
                    parents.update(
                        (row["id"], row["parent"]) for row in rows if row["props"]["kind"] in PLACE_KINDS
                    )
            await self.classify(parsed, prepared, run, lock=lock, reported=given, parents=parents)
            record_of = {fact: record for record, fact in prepared.remap.items()}
            for section, rows in parsed.chunks:  # rebuilt with the ids of the facts reported
                if section in FACT_SECTIONS:
                    for row in rows:
                        fact: str = row["id"]
                        given[fact] = record_of.get(fact, fact)
                done += len(rows)
            for batch in flush():
                yield batch, done
            yield None, done
        if source is not None:
            found = earlier if earlier is not None else await live_of_source(run, source)
            for gone in gone_pages(given, source, found):  # retracted a page at a time, as blocks are
                await withdraw(run, prepared, gone)
                for batch in flush():
                    yield batch, done
        for batch in flush():
            yield batch, done
        if started:
            yield Batch("load_change_totals", [prepared.change(self.by).rows[0]]), done

    async def classify(
        self,
        parsed: ParsedRows,
        prepared: PreparedFile,
        run: Run,
        *,
        lock: bool = True,
        reported: Mapping[str, str] | None = None,
        parents: Mapping[str, list[str]] | None = None,
    ) -> None:
        """Compare a block of the file's rows with the graph (after the files before it are written), reading
        through `run` (the file's write transaction; a store's `read` in a dry run, with `lock` False): the
        matcher settles which fact each record reports, what has to be written goes to `prepared.batches`,
        the new reports to `prepared.reports`. The block's rows are rebuilt in place for the facts matched;
        `reported`: the facts the file's earlier blocks report, and the record that reports each; `parents`:
        where the places the file defines lie, by its own records (this block's included)."""
        file, chunks = parsed.file, parsed.chunks
        search = self.store.load_reader()
        # Where the block's events' places lie is read outside the transaction (as the candidate search is),
        # while the transaction's own reads below run: the matcher needs it only once they are done.
        places = {place for section, rows in chunks if section == "events" for row in rows
                  for place in row["places"]}  # fmt: skip
        within = asyncio.ensure_future(place_containers(search, places, parents)) if places else None
        try:
            stored = await _stored(run, chunks)
            settled = await settle(
                run,
                file.name,
                chunks,
                stored,
                file.decisions,
                {**self.remap, **prepared.remap},
                attach=self.match_attach,
                review=self.match_review,
                lock=lock,
                reported=reported or {},
                applied=self.catalog.decisions,
                search=search,
                parents=parents,
                within=within,
            )
            if within is not None:
                await within  # when no event of the block was new, the matcher did not need it
        finally:
            if within is not None and not within.done():  # the block failed before the matcher needed it
                within.cancel()
            elif within is not None and not within.cancelled():
                within.exception()  # its failure, if any, is the block's: not reported again as unretrieved
        prepared.matches.extend(settled.proposals)
        prepared.remap.update(settled.remap)
        prepared.candidates += settled.candidates
        actors = [row for section, rows in chunks if section == "actors" for row in rows]
        if actors and not (file.implicit or file.path.parent.name == "reference"):
            close = await close_stored_actors(run, actors, stored, self.loads_actor, self.catalog.decisions)
            prepared.matches.extend(close)
            prepared.candidates += candidate_rows(close, "actor")
        targets = sorted(set(settled.remap.values()) - stored.keys())
        if targets:  # the known facts records were found to report
            stored.update(await _stored(run, [(_section_of(fact), [{"id": fact}]) for fact in targets]))
        # Asked for every fact, also those `stored` did not hold: that was read before the matcher took its
        # month locks, so a fact another load wrote meanwhile (and reported) is only seen here.
        facts = list(
            dict.fromkeys(row["id"] for section, rows in chunks if section in FACT_SECTIONS for row in rows)
        )
        live = await live_reports(run, facts, None) if facts else {}
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

    def _report(
        self,
        prepared: PreparedFile,
        section: str,
        row: Row,
        live: list[StoredReport],
        stored: Mapping[str, tuple[str | None, bool]],
    ) -> Row | None:
        """Turn a fact's row into its report; the row to write for the fact, None when nothing changes."""
        source, record = row.pop("_report")
        alias = row.pop("_alias", None)
        fact = row["id"]
        new_id = report_id(fact, source, row["props"]["_hash"])
        if any(report.id == new_id for report in live):
            if len(live) == 1 and stored.get(fact, (None, False))[0] != row["props"]["_hash"]:
                # Its one report is live, but something else (a mutation) changed the fact since: the file
                # writes it again as it says.
                prepared.facts_updated += 1
                rewritten = single_report_props(row, source, None)
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
            return single_report_props(row, source, None)
        if mine:
            prepared.facts_updated += 1
        else:
            prepared.merged += 1
        mine_now = StoredReport(new_id, fact, source, section, record, prepared.at)
        return fact_row(section, fact, [*others, mine_now], prepared.at)

    def _account(self, prepared: PreparedFile) -> None:
        """Add what the file did (the attempt that committed, or a dry run's) to the load's summary."""
        summary = self.summary
        summary.files.append(prepared.file.name)
        summary.merged += prepared.merged
        summary.retracted += prepared.retracted_count
        summary.deleted += prepared.deleted_count
        summary.records += prepared.tally.records
        for label, counts in prepared.tally.counts.items():
            mine = summary.count(label)
            mine.created += counts.created
            mine.updated += counts.updated
            mine.unchanged += counts.unchanged
        summary.matches.extend((prepared.file.name, proposal) for proposal in prepared.matches)

    def loads_actor(self, actor_id: str) -> bool:
        """Whether a file of this load defines the actor (the first pass compared their names already)."""
        known = self.catalog.definitions.get(actor_id)
        return known is not None and known.section == "actors" and known.file != STORED

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

    def blocks(self, file: SeedFile) -> Iterator[ParsedRows]:
        """The file's records (kept by the first pass, or read again), as blocks of about `batch_size` rows,
        by section."""
        raw = RawFile(file.path, file.name)
        source: list[str] = []
        block: list[tuple[str, list[Row]]] = []
        size = 0
        try:
            for section, group in groupby(
                self.rows(self.records(raw, file), source), key=lambda pair: pair[0]
            ):
                rows = (row for _, row in group)
                while chunk := list(islice(rows, self.batch_size)):
                    block.append((section, chunk))
                    size += len(chunk)
                    if size >= self.batch_size:
                        yield ParsedRows(file, raw.sha256, block, source[0] if source else None)
                        block, size = [], 0
        except (QuoteNotFound, Unreadable) as exc:
            raise KgError(f"a file changed while it was being loaded: {file.name}: {exc}") from None
        if block or size == 0:
            yield ParsedRows(file, raw.sha256, block, source[0] if source else None)

    def records(self, raw: RawFile, file: SeedFile) -> Iterator[Parsed]:
        """The file's source and records in the order they are written: those the first pass kept, when it
        kept them (`file.kept`); else read again, InvalidInput if it changed since it was checked. Read once
        when its sections come in that order, else once per run of them that does."""
        if file.kept is not None:
            raw.sha256 = file.sha256
            for only in reading_passes(file.sections):
                yield from kept_records(file.kept, only)
            return
        for only in reading_passes(file.sections):
            for parsed in parse_items(raw, read_items(raw, self.max_file_bytes, self.max_record_bytes, only)):
                if raw.problems:
                    break
                yield parsed
            if raw.problems:
                raise InvalidInput(raw.problems)

    def rows(self, records: Iterable[Parsed], source: list[str] | None = None) -> Iterator[tuple[str, Row]]:
        """Every record of the file as its section and Cypher row, references resolved (the file's source
        id goes to `source`)."""
        default_source: str | None = None
        for record in records:
            if isinstance(record, Source):
                default_source = record.id
                if source is not None:
                    source.append(record.id)
                yield "source", source_row(record, self.texts.text(record.id))
                continue
            if not isinstance(record, ParsedRecord):
                continue
            section, model = record.section, record.model
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
            report_source = default_source or row["evidence"][0]["source"]
            row["_report"] = (report_source, record_json(model, row["evidence"]))
            yield section, row

    def _resolve(self, ref: str, target: Target) -> str:
        resolved = self.catalog.resolve(ref, target)
        if isinstance(resolved, tuple):
            raise KgError(f"a file changed while it was being loaded: {resolved[1]}")
        return resolved


AHEAD = 2
"""Blocks of rows the reading thread may have ready before the writer takes them."""
_DONE = object()


class _Producer:
    """Reads a file into blocks of rows in a thread, at most AHEAD blocks ahead of the writer; `then` (the
    next file's reader) runs once this reader is done and the writer has taken this file's first block.

    Started when only the reading was done, a chain of files of a block or two each (a block and the end fit
    in the queue) was read to its end at once, every file's rows in memory together (at 100,000 events, a
    hundred files of rows); now at most the file being written and the next one are read, about
    2 × (AHEAD + 1) blocks of `batch_size` rows whatever the number of files."""

    def __init__(self, writer: FileWriter, file: SeedFile) -> None:
        self.writer = writer
        self.file = file
        self.then: Callable[[], object] | None = None
        self.queue: queue.Queue[object] = queue.Queue(maxsize=AHEAD)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"read {file.name}", daemon=True)
        self._waiting = {"read", "begun"}
        """What `then` still waits for: this reader done, the writer begun on this file."""
        self._lock = threading.Lock()

    def _passed(self, step: str) -> None:
        with self._lock:
            if step not in self._waiting:
                return
            self._waiting.discard(step)
            ready = not self._waiting
        if ready and self.then is not None:
            self.then()

    def writer_began(self) -> None:
        """The writer has taken this file's first block (or given up this reader for another attempt)."""
        self._passed("begun")

    def start(self) -> _Producer:
        self.thread.start()
        return self

    def _put(self, item: object) -> bool:
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            if self.stop.is_set():  # the load failed before this file's turn: read nothing
                return
            for block in self.writer.blocks(self.file):
                if not self._put(block):
                    return
            self._put(_DONE)
        except BaseException as exc:  # handed to the writer, which raises it in the load's task
            self._put(exc)
        finally:
            self._passed("read")

    def _get(self) -> object:
        try:
            return self.queue.get(timeout=0.5)
        except queue.Empty:
            return None

    async def blocks(self) -> AsyncIterator[ParsedRows]:
        while True:
            item = await asyncio.to_thread(self._get)
            if item is None:
                continue
            self.writer_began()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, ParsedRows)
            yield item


def reading_passes(sections: Sequence[str]) -> list[frozenset[str] | None]:
    """The keys each reading of a file takes so its parts come in write order (`ORDER`): one reading (all
    keys) when they already do; else each reading takes the next keys in that order for as long as they come
    in it in the file too (a digest with events before agreements is read twice)."""
    rank = {key: position for position, key in enumerate(ORDER)}
    present = [key for key in dict.fromkeys(sections) if key in rank]
    if [rank[key] for key in present] == sorted(rank[key] for key in present):
        return [None]
    place = {key: position for position, key in enumerate(present)}
    passes: list[frozenset[str] | None] = []
    current: list[str] = []
    for key in sorted(present, key=rank.__getitem__):
        if current and place[key] < place[current[-1]]:
            passes.append(frozenset(current))
            current = []
        current.append(key)
    if current:
        passes.append(frozenset(current))
    return passes


def _as_is(ref: str, target: Target) -> str:
    """References of a record already resolved."""
    return ref


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
