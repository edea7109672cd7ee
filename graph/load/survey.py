"""What can be checked in one file on its own: its records against the model, and its quotes against its own
source text. The result is small and picklable, so large loads survey their files in worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from graph.errors import Location, Problem
from graph.load.items import Item, read_items
from graph.load.kept import KeptRecords
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import RawFile, RecordLines, Unreadable
from graph.load.records import ParsedRecord, parse_items
from graph.model import ActorBase, Evidenced, Source, Target
from graph.model.decisions import Decision
from graph.reports.decisions import Decisions
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES
from graph.spill import SpillList

IDENTITY = ("iso_code", "parent", "country")
"""The fields besides kind and name that say which actor a record is; compared when two files define it."""
WORKERS = 2
"""Processes for surveying many files (the database is idle meanwhile, so every core can help)."""


class Spot(NamedTuple):
    """A field of a record, turned into a Location (with its line) only if something is wrong there. A named
    tuple, not a dataclass: a load keeps one per reference, and pickles them (to and from the survey's
    worker processes, and into spilled lists) several times faster."""

    section: str
    position: int
    label: str
    field: str
    line: int | None = None
    """The field's line, when known while the record was read (a file's lines are not all kept)."""

    @classmethod
    def of(cls, record: ParsedRecord, field: str, lines: RecordLines | None = None) -> Spot:
        """`lines`: the record's, from `raw.lines` while it is read (looked up once per record: a record has
        a Spot for each of its references); the field's line is the line of its top-level field."""
        line = lines.line_of(field) if lines is not None else None
        return cls(record.section, record.index, record.label, field, line)


@dataclass
class FileSurvey:
    """The lists with an entry per record are `SpillList`s (graph/spill.py): a file of millions of records
    keeps them in a temporary SQLite file, not in memory."""

    records: int = 0
    actors_only: bool = True
    problems: list[Problem] = field(default_factory=list)
    source: tuple[str, Path | None] | None = None
    """The file's source id and its text file (None when it has none)."""
    definitions: SpillList[tuple[str, str, Spot]] = field(default_factory=SpillList)
    """(id, kind, where) of every record: kind is an actor kind or event, agreement, office, claim."""
    names: SpillList[tuple[str, str, list[str], Spot]] = field(default_factory=SpillList)
    """(id, name, aliases, where its id is) of each actor."""
    identities: SpillList[tuple[str, dict[str, str], Spot]] = field(default_factory=SpillList)
    """Each actor's IDENTITY fields given (iso_code, parent, country), and where its id is: another file
    defining the same actor must not give other values."""
    references: SpillList[tuple[str, Target, Spot]] = field(default_factory=SpillList)
    foreign_quotes: SpillList[tuple[str, str, Spot]] = field(default_factory=SpillList)
    """Quotes attributed to another file's source: checked once every source is known."""
    lines: dict[tuple[str, int], RecordLines] | None = None
    sections: list[str] = field(default_factory=list)
    """The file's top-level keys in the order they come (a key twice when other keys come between)."""
    decisions: Decisions = field(default_factory=Decisions)
    """Its records' same_as / not_same_as and its `decisions:` list."""
    sha256: str | None = None
    """Of the bytes read, for the load's change record."""
    kept: Path | None = None
    """Where its checked records were kept for the writer (graph/load/kept.py), when asked to keep them."""


def survey_file(
    path: Path,
    name: str,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    keep: Path | None = None,
) -> FileSurvey:
    """Read the file record by record, keeping what the checks across files need (small per record), and,
    given `keep`, every checked record in that file for the writer (graph/load/kept.py)."""
    if keep is None:
        return _survey(path, name, max_bytes, max_record_bytes, None)
    with KeptRecords(keep) as kept:
        survey = _survey(path, name, max_bytes, max_record_bytes, kept)
    survey.kept = keep
    return survey


def _survey(
    path: Path, name: str, max_bytes: int, max_record_bytes: int, kept: KeptRecords | None
) -> FileSurvey:
    raw = RawFile(path=path, name=name)
    survey = FileSurvey(problems=raw.problems)
    texts = SourceTexts(max_bytes)
    own_source: str | None = None
    waiting: list[tuple[str, Spot]] = []
    """Quotes of evidence with no source of its own, read before the file's `source:`."""
    deciding: list[object] = []
    """Records with same_as / not_same_as (few), and the decisions: the file's Decisions at the end."""
    decided: list[Decision] = []

    def check_quote(source_id: str, quote: str, spot: Spot) -> None:
        try:
            texts.span(source_id, quote)
        except QuoteNotFound as exc:
            survey.problems.append(Problem(_where(raw, spot), str(exc)))

    for parsed in parse_items(raw, _noting_keys(read_items(raw, max_bytes, max_record_bytes), survey)):
        if kept is not None:
            kept.add(parsed)
        if isinstance(parsed, Source):
            survey.records += 1
            survey.actors_only = False
            source = parsed
            text_path = None
            if source.text_file:
                try:
                    text_path = text_file_path(raw.path, source.text_file)
                    texts.paths[source.id] = text_path
                    texts.text(source.id)
                except (Unconfined, Unreadable) as exc:
                    line = f" (its line {exc.line})" if isinstance(exc, Unreadable) and exc.line else ""
                    message = f"text file {source.text_file}{line}: {exc}"
                    survey.problems.append(Problem(raw.location(field="source.text_file"), message))
                    text_path = None
            survey.source = (source.id, text_path)
            texts.paths[source.id] = text_path
            own_source = source.id
            continue
        if not isinstance(parsed, ParsedRecord):
            index, decision = parsed
            decided.append(decision)
            for reference in decision.references():
                spot = Spot("decisions", index, f"decisions[{index}]", reference.field)
                survey.references.append((reference.value, reference.target, spot))
            continue
        record = parsed
        survey.records += 1
        model = record.model
        kind = model.kind if isinstance(model, ActorBase) else record.section.removesuffix("s")
        survey.actors_only &= record.section == "actors"
        lines = raw.lines.get((record.section, record.index))
        defined_at = Spot.of(record, "id", lines)
        survey.definitions.append((model.id, kind, defined_at))
        if getattr(model, "same_as", None) or getattr(model, "not_same_as", None):
            deciding.append(model)
        if isinstance(model, ActorBase):
            survey.names.append((model.id, model.name, model.aliases, defined_at))
            given = {name: getattr(model, name, None) for name in IDENTITY}
            identity = {name: value for name, value in given.items() if value}
            survey.identities.append((model.id, identity, defined_at))
        for reference in model.references():
            survey.references.append(
                (reference.value, reference.target, Spot.of(record, reference.field, lines))
            )
        if not isinstance(model, Evidenced):
            continue
        for index, evidence in enumerate(model.evidence):
            spot = Spot.of(record, f"evidence[{index}].quote", lines)
            source_id = evidence.source or own_source
            if source_id is None:
                waiting.append((evidence.quote, spot))
            elif source_id != own_source:
                survey.foreign_quotes.append((source_id, evidence.quote, spot))
            else:
                check_quote(source_id, evidence.quote, spot)
    for quote, spot in waiting:
        if own_source is None:
            message = "evidence needs a source: give evidence.source, or a `source:` at the top of the file"
            survey.problems.append(Problem(_where(raw, spot), message))
        else:
            check_quote(own_source, quote, spot)
    survey.decisions = Decisions.gather(deciding, decided)
    survey.sha256 = raw.sha256
    raw.forget_current()
    survey.lines = raw.known_lines
    return survey


def _noting_keys(items: Iterator[Item], survey: FileSurvey) -> Iterator[Item]:
    """The items, noting the file's top-level keys in the order they come."""
    for item in items:
        if not survey.sections or survey.sections[-1] != item.key:
            survey.sections.append(item.key)
        yield item


def _where(raw: RawFile, spot: Spot) -> Location:
    where = raw.location(spot.section, spot.position, spot.field, spot.label)
    return replace(where, line=spot.line) if spot.line is not None else where


class Unconfined(ValueError):
    """A source's text_file that points outside the folder of the seed file declaring it."""


def text_file_path(seed_file: Path, text_file: str) -> Path:
    """Where a source's `text_file` is: relative to the seed file, inside its folder or below, after following
    symlinks. Anything else (an absolute path, `..` out of the folder, a symlink leading out, /proc/...) is
    refused, so a seed file cannot make the loader read, store or hint at files it has no business with."""
    folder = seed_file.absolute().parent.resolve()
    given = Path(text_file)
    if given.is_absolute() or given.anchor or text_file.startswith("~"):
        raise Unconfined("must be a path relative to the seed file, not an absolute one")
    path = (folder / given).resolve()
    if not path.is_relative_to(folder):
        raise Unconfined("must lie in the seed file's folder or below it (no '..' out of it, no symlink out)")
    if not path.is_file():
        raise Unconfined("not found (or not a regular file)")
    return path


def survey_files(
    files: Sequence[tuple[Path, str]],
    parallel_from: int,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    keep: Path | None = None,
) -> Iterator[FileSurvey]:
    """Surveys in file order; in worker processes when there are at least `parallel_from` files. Given a
    folder `keep`, each file's checked records are kept in it for the writer (one file per seed file)."""
    kept = [keep / f"{index}.pickle" if keep is not None else None for index in range(len(files))]
    if len(files) < parallel_from:
        yield from (
            survey_file(path, name, max_bytes, max_record_bytes, into)
            for (path, name), into in zip(files, kept, strict=True)
        )
        return
    context = multiprocessing.get_context("forkserver")
    # "__main__": the server imports the program's main script once (`kg`: the whole CLI) and the workers it
    # forks find it imported; otherwise each worker imports it again before its first file (multiprocessing's
    # preparation of a child), about 0.2 CPU-s each. A program run with -m has no script path: skipped.
    context.set_forkserver_preload(["__main__", __name__])
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        paths, names = zip(*files, strict=True)
        count = len(files)
        yield from pool.map(
            survey_file, paths, names, [max_bytes] * count, [max_record_bytes] * count, kept, chunksize=2
        )
