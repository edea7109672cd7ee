"""The first pass: check every file, then every reference across files, building the catalog. Writes nothing.

Each file is surveyed on its own (graph/load/survey.py, in worker processes for large loads); only its
definitions and references are kept, so a large load does not sit in memory. Line numbers are looked up
only for records that have a problem.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from graph.errors import InvalidInput, Problem
from graph.load.catalog import STORED, Catalog, Definition
from graph.load.files import SeedFile, discover, write_order
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import RawFile, Unreadable
from graph.load.stored import IdLookup, NameLookup
from graph.load.survey import FileSurvey, Spot, survey_files
from graph.model import Target, split_id
from graph.names.review import MAX_CHECKED, close_actors
from graph.reports.decisions import Proposal
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES
from graph.spill import SpillList, SpillMap

Lookup = IdLookup

PARALLEL_FROM = 16
"""Files from which the per-file checks run in worker processes (starting them costs about a second)."""


@dataclass
class CheckedLoad:
    files: list[SeedFile]
    """In write order; implicit reference files only when another file relies on them."""
    catalog: Catalog
    texts: SourceTexts
    close_actors: list[Proposal] = field(default_factory=list)
    """Actors of the user's files whose names are close to another actor's: warnings, for `kg review`."""

    @property
    def records(self) -> int:
        return sum(file.records for file in self.files)


@dataclass
class _Pass:
    catalog: Catalog
    texts: SourceTexts
    problems: list[Problem] = field(default_factory=list)
    unresolved: SpillList[tuple[str, Target, int, Spot]] = field(default_factory=SpillList)
    foreign_quotes: SpillList[tuple[str, str, int, Spot]] = field(default_factory=SpillList)
    identities: MutableMapping[str, tuple[dict[str, str], Spot]] = field(default_factory=SpillMap)
    """Each actor's identity fields as its first definition gives them."""
    clashes: list[tuple[str, str, str, str, int, Spot]] = field(default_factory=list)
    """(actor, field, value here, value first given, file, spot): checked once references resolve."""
    implicit_files: set[int] = field(default_factory=set)
    reference_needed: bool = False

    def report(self, file: int, spot: Spot, message: str) -> None:
        where = self.catalog.files[file].location(spot.section, spot.position, spot.field, spot.label)
        if spot.line is not None:
            where = replace(where, line=spot.line)
        self.problems.append(Problem(where, message))

    def resolve(self, ref: str, target: Target, file: int, spot: Spot) -> None:
        resolved = self.catalog.resolve(ref, target)
        if isinstance(resolved, tuple):
            self.report(file, spot, resolved[1])
        elif file not in self.implicit_files:
            self.reference_needed |= self.catalog.definitions[resolved].file in self.implicit_files

    def take(self, file: int, survey: FileSurvey) -> None:
        """Add a file's survey: definitions now, references to ids already defined now, the rest later."""
        self.problems.extend(survey.problems)
        self.catalog.decisions.merge(survey.decisions)
        if survey.source is not None:
            source_id, text_path = survey.source
            if problem := self.catalog.define(source_id, "source", file, "source", 0):
                self.problems.append(Problem(self.catalog.files[file].location(field="source.id"), problem))
            self.texts.paths[source_id] = text_path
        for record_id, kind, spot in survey.definitions:
            if problem := self.catalog.define(record_id, kind, file, spot.section, spot.position):
                self.report(file, spot, problem)
        for actor_id, name, aliases, spot in survey.names:
            if problem := self.catalog.name_actor(actor_id, name, aliases, file):
                self.report(file, Spot(spot.section, spot.position, spot.label, "name"), problem)
        for actor_id, given, spot in survey.identities:
            self.compare(actor_id, given, file, spot)
        for ref, target, spot in survey.references:
            if split_id(ref) is not None and ref in self.catalog.definitions:
                self.resolve(ref, target, file, spot)
            else:
                self.unresolved.append((ref, target, file, spot))
        self.foreign_quotes.extend(
            (source, quote, file, spot) for source, quote, spot in survey.foreign_quotes
        )

    def compare(self, actor_id: str, given: dict[str, str], file: int, spot: Spot) -> None:
        """An actor another file defined too: its identity fields are compared (the differing ones once
        references resolve: a parent by name here and by id there is the same parent); the fields one file
        gives and the other leaves out fill in the other's row."""
        first = self.identities.setdefault(actor_id, (given, spot))
        if first == (given, spot):
            return
        known, _ = first
        for name, value in given.items():
            if name not in known:
                self.catalog.filled.setdefault(actor_id, {})[name] = value
            elif known[name] != value:
                self.clashes.append((actor_id, name, value, known[name], file, spot))
        for name, value in known.items():
            if name not in given:
                self.catalog.filled.setdefault(actor_id, {})[name] = value

    def check_clashes(self) -> None:
        targets = {"parent": Target.PLACE, "country": Target.COUNTRY}
        for actor_id, name, here, first, file, spot in self.clashes:
            target = targets.get(name)
            resolve = self.catalog.resolve
            if target is not None and resolve(here, target) == resolve(first, target):
                continue
            where = self.catalog.first_definition(actor_id, name)
            message = f"conflicting definitions of '{actor_id}': {name} '{here}' here, '{first}' in {where}"
            self.report(file, Spot(spot.section, spot.position, spot.label, name), message)

    def finish(
        self,
        lookup: Lookup | None = None,
        find_names: NameLookup | None = None,
        new_actors: Sequence[str] = (),
    ) -> None:
        """Resolve the references left; first look up in the graph the ids no file defines and the names no
        file gives (`find_names` also gets the names of `new_actors`, to compare them with the graph's)."""
        if find_names is not None:
            names = self.catalog.names
            named = {
                ref for ref, _, _, _ in self.unresolved if split_id(ref) is None and not names.candidates(ref)
            }
            for actor_id in new_actors:
                named.update((names.display[actor_id], *names.aliases.get(actor_id, ())))
            for actor in find_names(sorted(named)) if named else ():
                self.catalog.know(actor)
        if lookup is not None:
            wanted = sorted(
                {
                    ref
                    for ref, _, _, _ in self.unresolved
                    if split_id(ref) and ref not in self.catalog.definitions
                }
            )
            for record_id, kind in (lookup(wanted) if wanted else {}).items():
                self.catalog.definitions[record_id] = Definition(kind, STORED, "", 0)
        for ref, target, file, spot in self.unresolved:
            self.resolve(ref, target, file, spot)
        self.check_clashes()
        for source_id, quote, file, spot in self.foreign_quotes:
            if source_id not in self.catalog.definitions:
                continue
            try:
                self.texts.span(source_id, quote)
            except (QuoteNotFound, Unreadable) as exc:
                self.report(file, spot, str(exc))


def check_files(
    paths: Sequence[Path],
    reference_dir: Path | None,
    parallel_from: int = PARALLEL_FROM,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    lookup: Lookup | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    find_names: NameLookup | None = None,
    keep: Path | None = None,
) -> CheckedLoad:
    """Check every file and every reference across them; raise InvalidInput listing all problems.

    Files (and source texts) larger than `max_file_bytes` (the KG_MAX_FILE_BYTES setting) are refused.
    `lookup` (a load's, not `kg validate`'s) finds the ids no file defines in the graph, all in one call;
    `find_names` the actors the graph holds that may answer to the names no file defines, and to the names of
    the actors the user's files add (so a new actor close to a stored one is a candidate). `keep`: a folder
    in which each file's checked records are kept for the writer (graph/load/kept.py; a load's, not
    `kg validate`'s).
    """
    max_bytes = max_file_bytes
    files = discover(paths, reference_dir)
    checking = _Pass(Catalog(), SourceTexts(max_bytes))
    checking.implicit_files = {index for index, file in enumerate(files) if file.implicit}
    surveys = survey_files(
        [(file.path, file.name) for file in files], parallel_from, max_bytes, max_record_bytes, keep
    )
    for index, (file, survey) in enumerate(zip(files, surveys, strict=True)):
        checking.catalog.files.append(RawFile(file.path, file.name, known_lines=survey.lines))
        file.records = survey.records
        file.actors_only = survey.actors_only
        file.sections = tuple(survey.sections)
        file.decisions = survey.decisions
        file.kept, file.sha256 = survey.kept, survey.sha256
        file.index = index
        checking.take(index, survey)
    reference = {index for index, file in enumerate(files) if _is_reference(file, reference_dir)}
    new_actors = list(
        islice(
            (
                actor_id
                for actor_id, definition in checking.catalog.definitions.items()
                if definition.file not in reference and actor_id in checking.catalog.names
            ),
            MAX_CHECKED,
        )
    )
    checking.finish(lookup, find_names, new_actors)
    if checking.problems:
        order = {file.name: index for index, file in enumerate(files)}
        checking.problems.sort(key=lambda p: (order.get(p.location.file or "", -1), p.location.line or 0))
        raise InvalidInput(checking.problems)
    chosen = [file for file in files if not file.implicit or checking.reference_needed]
    actors = close_new_actors(checking.catalog, reference)
    for raw in checking.catalog.files:
        raw.known_lines = None
    return CheckedLoad(write_order(chosen), checking.catalog, checking.texts, actors)


def _is_reference(file: SeedFile, reference_dir: Path | None) -> bool:
    """Reference data (built-in or a folder's own `reference/`) is curated: its actors are not "new"."""
    return (
        file.implicit
        or file.path.parent.name == "reference"
        or (reference_dir is not None and file.path.resolve().is_relative_to(reference_dir.resolve()))
    )


def close_new_actors(catalog: Catalog, implicit: set[int]) -> list[Proposal]:
    """Actors the user's files define (not the built-in reference data) close to another actor by name."""
    names = catalog.names
    new = (
        (actor_id, names.display[actor_id], names.aliases.get(actor_id, []), definition.kind)
        for actor_id, definition in catalog.definitions.items()
        if definition.file not in implicit and definition.file != STORED and actor_id in names
    )

    def known_first(left: str, right: str) -> bool:
        return (catalog.definitions[left].file, left) < (catalog.definitions[right].file, right)

    return close_actors(names, new, known_first=known_first, decisions=catalog.decisions)
