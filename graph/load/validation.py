"""The first pass: read and check every file, building the catalog of what they define. Writes nothing.

Only definitions and still-unresolved references are kept, so a large load does not sit in memory;
line numbers are looked up only for records that have a problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from graph.errors import InvalidInput, Problem
from graph.load.catalog import Catalog
from graph.load.files import SeedFile, discover, write_order
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import RawFile, read_file
from graph.load.records import ParsedFile, ParsedRecord, parse_records
from graph.model import ActorBase, Evidenced, Target, split_id


@dataclass
class CheckedLoad:
    files: list[SeedFile]
    """In write order; implicit reference files only when another file relies on them."""
    catalog: Catalog
    texts: SourceTexts

    @property
    def records(self) -> int:
        return sum(file.records for file in self.files)


class Site(NamedTuple):
    """A field of a record, to be turned into a Location (with its line) only if something is wrong there."""

    file: int
    section: str
    position: int
    label: str
    field: str

    @classmethod
    def of(cls, file: int, record: ParsedRecord, field: str) -> Site:
        return cls(file, record.section, record.index, record.label, field)


@dataclass
class _Pass:
    catalog: Catalog
    texts: SourceTexts
    problems: list[Problem] = field(default_factory=list)
    unresolved: list[tuple[str, Target, Site]] = field(default_factory=list)
    foreign_quotes: list[tuple[str, str, Site]] = field(default_factory=list)
    implicit_files: set[int] = field(default_factory=set)
    reference_needed: bool = False

    def report(self, site: Site, message: str) -> None:
        raw = self.catalog.files[site.file]
        self.problems.append(
            Problem(raw.location(site.section, site.position, site.field, site.label), message)
        )

    def resolve(self, ref: str, target: Target, site: Site) -> None:
        resolved = self.catalog.resolve(ref, target)
        if isinstance(resolved, tuple):
            self.report(site, resolved[1])
        elif site.file not in self.implicit_files:
            self.reference_needed |= self.catalog.definitions[resolved].file in self.implicit_files

    def check_quote(self, source_id: str, quote: str, site: Site) -> None:
        try:
            self.texts.span(source_id, quote)
        except QuoteNotFound as exc:
            self.report(site, str(exc))


def check_files(paths: Sequence[Path], reference_dir: Path | None) -> CheckedLoad:
    """Check every file and every reference across them; raise InvalidInput listing all problems."""
    files = discover(paths, reference_dir)
    checking = _Pass(Catalog(), SourceTexts())
    checking.implicit_files = {index for index, file in enumerate(files) if file.implicit}
    for index, file in enumerate(files):
        raw = read_file(file.path, file.name)
        parsed = parse_records(raw)
        checking.catalog.files.append(RawFile(raw.path, raw.name, known_lines=raw.known_lines))
        checking.problems.extend(parsed.problems)
        file.records = len(parsed.records) + (1 if parsed.source else 0)
        file.actors_only = parsed.source is None and all(r.section == "actors" for r in parsed.records)
        _define(parsed, index, checking)
        _check_references(parsed, index, checking)
        _check_quotes(parsed, index, checking)
    for ref, target, site in checking.unresolved:
        checking.resolve(ref, target, site)
    for source_id, quote, site in checking.foreign_quotes:
        if source_id in checking.catalog.definitions:
            checking.check_quote(source_id, quote, site)
    if checking.problems:
        order = {file.name: index for index, file in enumerate(files)}
        checking.problems.sort(key=lambda p: (order.get(p.location.file or "", -1), p.location.line or 0))
        raise InvalidInput(checking.problems)
    chosen = [file for file in files if not file.implicit or checking.reference_needed]
    for raw in checking.catalog.files:
        raw.known_lines = None
    return CheckedLoad(write_order(chosen), checking.catalog, checking.texts)


def _define(parsed: ParsedFile, file: int, checking: _Pass) -> None:
    raw = parsed.raw
    if parsed.source is not None:
        source = parsed.source
        if problem := checking.catalog.define(source.id, "source", file, "source", 0):
            checking.problems.append(Problem(raw.location(field="source.id"), problem))
        text_path = (raw.path.parent / source.text_file) if source.text_file else None
        if text_path is not None and not text_path.is_file():
            where = raw.location(field="source.text_file")
            checking.problems.append(Problem(where, f"text file not found: {text_path}"))
            text_path = None
        checking.texts.paths[source.id] = text_path
    for record in parsed.records:
        model = record.model
        kind = model.kind if isinstance(model, ActorBase) else record.section.removesuffix("s")
        if problem := checking.catalog.define(model.id, kind, file, record.section, record.index):
            checking.report(Site.of(file, record, "id"), problem)
        if isinstance(model, ActorBase):
            checking.catalog.names.add(model.id, model.name, model.aliases)


def _check_references(parsed: ParsedFile, file: int, checking: _Pass) -> None:
    """Ids already defined are checked now; names, and ids defined later, once every file is read."""
    for record in parsed.records:
        for reference in record.model.references():
            site = Site.of(file, record, reference.field)
            if split_id(reference.value) is not None and reference.value in checking.catalog.definitions:
                checking.resolve(reference.value, reference.target, site)
            else:
                checking.unresolved.append((reference.value, reference.target, site))


def _check_quotes(parsed: ParsedFile, file: int, checking: _Pass) -> None:
    own_source = parsed.source.id if parsed.source else None
    for record in parsed.records:
        if not isinstance(record.model, Evidenced):
            continue
        for index, evidence in enumerate(record.model.evidence):
            site = Site.of(file, record, f"evidence[{index}].quote")
            source_id = evidence.source or own_source
            if source_id is None:
                message = (
                    "evidence needs a source: give evidence.source, or a `source:` at the top of the file"
                )
                checking.report(site, message)
            elif source_id == own_source:
                checking.check_quote(source_id, evidence.quote, site)
            else:
                checking.foreign_quotes.append((source_id, evidence.quote, site))
