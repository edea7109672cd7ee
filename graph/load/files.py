"""Which files a load covers: the paths given (folders searched), plus the reference folder they rely on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InvalidInput, Location, Problem
from graph.load.reading import SUFFIXES
from graph.reports.decisions import Decisions


@dataclass
class SeedFile:
    path: Path
    name: str
    implicit: bool = False
    """From the reference folder without being asked for: written only when another file relies on it."""
    records: int = 0
    actors_only: bool = True
    index: int = -1
    """Its place among all the files of the load (the catalog's numbering)."""
    sections: tuple[str, ...] = ()
    """Its top-level keys in the order they come (the writer reads it once per key when they are not in
    the order it writes them)."""
    decisions: Decisions = field(default_factory=Decisions)
    """Its records' same_as / not_same_as and its `decisions:` list (the matcher needs them all before the
    writer has read the file's first block)."""
    kept: Path | None = None
    """Its records as the first pass checked them (graph/load/kept.py), when the load kept them: the writer
    reads them there instead of parsing the file again."""
    sha256: str | None = None
    """Of the bytes the first pass read."""


def discover(paths: Sequence[Path], reference_dir: Path | None) -> list[SeedFile]:
    found: dict[Path, SeedFile] = {}
    missing: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for each in _seed_files_under(path):
                found.setdefault(each.resolve(), SeedFile(each, _display(each)))
        elif path.is_file():
            found.setdefault(path.resolve(), SeedFile(path, _display(path)))
        else:
            missing.append(Problem(Location(file=str(path)), "no such file or folder"))
    if missing:
        raise InvalidInput(missing)
    if reference_dir is not None and reference_dir.is_dir():
        for each in _seed_files_under(reference_dir):
            found.setdefault(each.resolve(), SeedFile(each, _display(each), implicit=True))
    return list(found.values())


def write_order(files: list[SeedFile]) -> list[SeedFile]:
    """Files that only define actors first (reference data before the digests that mention it)."""
    return sorted(files, key=lambda file: (not file.actors_only, not file.implicit))


def _seed_files_under(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in SUFFIXES and path.is_file() and not _hidden(path.relative_to(folder))
    )


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)


def _display(path: Path) -> str:
    """The path as given, or relative to the working folder when it lies inside it."""
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return str(path.relative_to(Path.cwd()))
    return str(path)
