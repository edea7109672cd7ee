"""The second pass: one transaction per file, its rows in UNWIND batches.

While one file is being written, the next is parsed, validated and turned into rows in a worker thread, so
Python and Neo4j work at the same time. Records whose content hash matches the stored one are skipped, so
loading a file again writes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import groupby, islice
from typing import Any

from neo4j.exceptions import Neo4jError

from graph.errors import InvalidInput, KgError, Location, ValidationFailed
from graph.load.catalog import Catalog
from graph.load.files import SeedFile
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import Unreadable, read_file
from graph.load.records import ParsedFile, parse_records
from graph.load.rows import Row, record_row, source_row
from graph.load.summary import LoadSummary
from graph.model import SECTIONS, Target
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
class PreparedFile:
    file: SeedFile
    sha256: str | None = None
    batches: list[tuple[str, list[Row], int]] = field(default_factory=list)
    """(query, the rows to write, how many records they stand for) per batch; rows may be empty."""
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    def change(self, by: str) -> Batch:
        """The file's :Change record (queries/load_change.cypher), written in the file's own transaction."""
        row = {
            "file": self.file.name,
            "sha256": self.sha256,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        return Batch("load_change", [row], {"by": by, "at": datetime.now(UTC)})


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

    async def write_all(self, files: Sequence[SeedFile]) -> None:
        if not files:
            return
        self.write_position = {file.index: position for position, file in enumerate(files)}
        upcoming = asyncio.ensure_future(self.prepare(files[0]))
        try:
            for following in [*files[1:], None]:
                prepared = await upcoming
                if following is not None:
                    upcoming = asyncio.ensure_future(self.prepare(following))
                await self.write(prepared)
        finally:
            upcoming.cancel()

    async def prepare(self, file: SeedFile) -> PreparedFile:
        sha256, chunks = await asyncio.to_thread(self._chunks, file)
        ids: dict[str, list[str]] = {_ID_LISTS[section]: [] for section in QUERIES}
        for section, rows in chunks:
            ids[_ID_LISTS[section]].extend(row["id"] for row in rows)
        found = await self.store.read("load_stored_hashes", **ids)
        stored = {each["id"]: (each["hash"], each["linked"]) for each in found}
        prepared = PreparedFile(file, sha256)
        for section, rows in chunks:
            fresh: list[Row] = []
            changed: list[Row] = []
            for row in rows:
                stored_hash, linked = stored.get(row["id"], (None, False))
                if not self._classify(row, stored_hash):
                    prepared.unchanged += 1
                else:
                    (prepared.created if stored_hash is None else prepared.updated).append(row["id"])
                    is_fresh = stored_hash is None and not linked and section in FRESH_QUERIES
                    (fresh if is_fresh and self._targets_exist(row, file, section) else changed).append(row)
            if fresh:
                prepared.batches.append((FRESH_QUERIES[section], fresh, 0))
            prepared.batches.append((QUERIES[section], changed, len(rows)))
        return prepared

    async def write(self, prepared: PreparedFile) -> None:
        self.summary.files.append(prepared.file.name)
        if self.dry_run or not any(rows for _, rows, _ in prepared.batches):
            if self.progress:
                self.progress(sum(records for _, _, records in prepared.batches))
            return
        reported = 0

        async def batches() -> AsyncIterator[Batch]:
            """The file's batches and then its change record; made again for each attempt (a retry after a
            deadlock); progress advances only past what an earlier attempt reported."""
            nonlocal reported
            done = 0
            for query, rows, records in prepared.batches:
                if rows:
                    changed: list[Mapping[str, Any]] = list(rows)
                    yield Batch(query, changed, taken_by=TAKEN_BY.get(query))
                done += records
                if self.progress and done > reported:
                    self.progress(done - reported)
                    reported = done
            yield prepared.change(self.by)

        try:
            written = await self.store.write_batches(batches)
        except OverflowError as exc:  # the model should have refused it; the file still names the culprit
            where = Location(file=prepared.file.name)
            raise ValidationFailed(
                f"a number too large for Neo4j (64-bit integers): {exc}", location=where
            ) from None
        except Neo4jError as exc:  # e.g. the transaction's memory limit: name the file, not a traceback
            where = Location(file=prepared.file.name)
            message = f"Neo4j refused the file, nothing of it was written ({exc.code}): {exc.message}"
            raise KgError(message, location=where) from None
        self.summary.rows_written += written.rows
        self.summary.nodes_created += written.nodes_created
        self.summary.relationships_created += written.relationships_created
        self.summary.relationships_deleted += written.relationships_deleted

    def _targets_exist(self, row: Row, file: SeedFile, section: str) -> bool:
        """Whether every actor and source the row links to is written before it (fresh queries MATCH them)."""
        here = (self.write_position.get(file.index, -1), SECTION_ORDER[section])
        targets = [link["target"] for link in (*row.get("participants", ()), *row.get("parties", ()))]
        targets += [*row.get("places", ()), *row.get("about", ())]
        targets += [evidence["source"] for evidence in row["evidence"]]
        for target in targets:
            known = self.catalog.definitions[target]
            if (
                self.write_position.get(known.file, len(self.write_position)),
                SECTION_ORDER[known.section],
            ) >= here:
                return False
        return True

    def _classify(self, row: Row, stored_hash: str | None) -> bool:
        """Count the row as created, updated or unchanged; True when it has to be written."""
        counts = self.summary.count(row["label"])
        self.summary.records += 1
        if stored_hash is None:
            counts.created += 1
        elif stored_hash == row["props"]["_hash"]:
            counts.unchanged += 1
            return False
        else:
            counts.updated += 1
        return True

    def _chunks(self, file: SeedFile) -> tuple[str | None, list[tuple[str, list[Row]]]]:
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
        return raw.sha256, chunks

    def rows(self, parsed: ParsedFile) -> Iterator[tuple[str, Row]]:
        """Every record of the file as its section and Cypher row, references resolved."""
        default_source = parsed.source.id if parsed.source else None
        if parsed.source is not None:
            yield "source", source_row(parsed.source, self.texts.text(parsed.source.id))
        for section in SECTIONS:
            for record in parsed.in_section(section):
                yield section, record_row(record.model, self._resolve, self.texts.span, default_source)

    def _resolve(self, ref: str, target: Target) -> str:
        resolved = self.catalog.resolve(ref, target)
        if isinstance(resolved, tuple):
            raise KgError(f"a file changed while it was being loaded: {resolved[1]}")
        return resolved
