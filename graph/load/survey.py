"""What can be checked in one file on its own: its records against the model, and its quotes against its own
source text. The result is small and picklable, so large loads survey their files in worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import Problem
from graph.load.quotes import QuoteNotFound, SourceTexts
from graph.load.reading import RecordLines, Unreadable, read_file
from graph.load.records import ParsedRecord, parse_records
from graph.model import ActorBase, Evidenced, Target
from graph.reports.decisions import Decisions
from graph.settings import DEFAULT_MAX_FILE_BYTES

IDENTITY = ("iso_code", "parent", "country")
"""The fields besides kind and name that say which actor a record is; compared when two files define it."""
WORKERS = 2
"""Processes for surveying many files (the database is idle meanwhile, so every core can help)."""


@dataclass(frozen=True)
class Spot:
    """A field of a record, turned into a Location (with its line) only if something is wrong there."""

    section: str
    position: int
    label: str
    field: str

    @classmethod
    def of(cls, record: ParsedRecord, field: str) -> Spot:
        return cls(record.section, record.index, record.label, field)


@dataclass
class FileSurvey:
    records: int = 0
    actors_only: bool = True
    problems: list[Problem] = field(default_factory=list)
    source: tuple[str, Path | None] | None = None
    """The file's source id and its text file (None when it has none)."""
    definitions: list[tuple[str, str, Spot]] = field(default_factory=list)
    """(id, kind, where) of every record: kind is an actor kind or event, agreement, office, claim."""
    names: list[tuple[str, str, list[str]]] = field(default_factory=list)
    identities: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    """Each actor's IDENTITY fields given (iso_code, parent, country): another file defining the same actor
    must not give other values."""
    references: list[tuple[str, Target, Spot]] = field(default_factory=list)
    foreign_quotes: list[tuple[str, str, Spot]] = field(default_factory=list)
    """Quotes attributed to another file's source: checked once every source is known."""
    lines: dict[tuple[str, int], RecordLines] | None = None
    decisions: Decisions = field(default_factory=Decisions)
    """The file's matching decisions (its records' same_as / not_same_as, its `decisions:` list)."""


def survey_file(path: Path, name: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> FileSurvey:
    raw = read_file(path, name, max_bytes)
    parsed = parse_records(raw)
    survey = FileSurvey(problems=parsed.problems)
    survey.records = len(parsed.records) + (1 if parsed.source else 0)
    survey.actors_only = parsed.source is None and all(r.section == "actors" for r in parsed.records)
    texts = SourceTexts(max_bytes)
    if parsed.source is not None:
        source = parsed.source
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
    own_source = survey.source[0] if survey.source else None
    for record in parsed.records:
        model = record.model
        kind = model.kind if isinstance(model, ActorBase) else record.section.removesuffix("s")
        survey.definitions.append((model.id, kind, Spot.of(record, "id")))
        if isinstance(model, ActorBase):
            survey.names.append((model.id, model.name, model.aliases))
            given = {name: getattr(model, name, None) for name in IDENTITY}
            survey.identities.append((model.id, {name: value for name, value in given.items() if value}))
        for reference in model.references():
            survey.references.append((reference.value, reference.target, Spot.of(record, reference.field)))
        if not isinstance(model, Evidenced):
            continue
        for index, evidence in enumerate(model.evidence):
            spot = Spot.of(record, f"evidence[{index}].quote")
            source_id = evidence.source or own_source
            if source_id is None:
                message = (
                    "evidence needs a source: give evidence.source, or a `source:` at the top of the file"
                )
                survey.problems.append(
                    Problem(raw.location(spot.section, spot.position, spot.field, spot.label), message)
                )
            elif source_id != own_source:
                survey.foreign_quotes.append((source_id, evidence.quote, spot))
            else:
                try:
                    texts.span(source_id, evidence.quote)
                except QuoteNotFound as exc:
                    where = raw.location(spot.section, spot.position, spot.field, spot.label)
                    survey.problems.append(Problem(where, str(exc)))
    for index, decision in parsed.decisions:
        for reference in decision.references():
            spot = Spot("decisions", index, f"decisions[{index}]", reference.field)
            survey.references.append((reference.value, reference.target, spot))
    survey.decisions = Decisions.gather((r.model for r in parsed.records), (d for _, d in parsed.decisions))
    survey.lines = raw.known_lines
    return survey


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
    files: Sequence[tuple[Path, str]], parallel_from: int, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Iterator[FileSurvey]:
    """Surveys in file order; in worker processes when there are at least `parallel_from` files."""
    if len(files) < parallel_from:
        yield from (survey_file(path, name, max_bytes) for path, name in files)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        paths, names = zip(*files, strict=True)
        yield from pool.map(survey_file, paths, names, [max_bytes] * len(files), chunksize=2)
