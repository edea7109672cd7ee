"""What the first pass validated, kept on disk for the writer, so a load parses each file once.

The first pass (graph/load/survey.py) reads every file record by record and checks each record against the
model. A load keeps those checked records (`Parsed`: the source, each record's model, each decision), in file
order, pickled a page at a time into one temporary file per seed file (`KeptRecords`); the writer
(graph/load/writer.py) reads them back (`kept_records`) instead of reading and validating the file again.
Unpickling a page costs about a seventh of parsing and validating its text again, memory holds a page, and
the writer writes exactly what was checked, even if the file changed on disk in between.

The files live in a temporary folder the load owns (`pipeline.load_paths`), removed when the load ends.
`kg validate` keeps nothing.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from graph.load.records import Parsed, ParsedRecord
from graph.model import Source

PAGE = 500
"""Records pickled at a time: large enough for pickle to share the models' class references, small enough
that a page of the largest records is a few megabytes."""


def section_of(parsed: Parsed) -> str:
    """The top-level key a checked part of a file came from."""
    if isinstance(parsed, Source):
        return "source"
    if isinstance(parsed, ParsedRecord):
        return parsed.section
    return "decisions"


class KeptRecords:
    """Appends a file's checked parts to `path`, a page at a time; closed (the last page written) on exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out: BinaryIO = path.open("wb")
        self._page: list[Parsed] = []

    def add(self, parsed: Parsed) -> None:
        self._page.append(parsed)
        if len(self._page) >= PAGE:
            self._flush()

    def _flush(self) -> None:
        if self._page:
            pickle.dump(self._page, self._out, pickle.HIGHEST_PROTOCOL)
            self._page = []

    def close(self) -> None:
        if not self._out.closed:
            self._flush()
            self._out.close()

    def __enter__(self) -> KeptRecords:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def kept_records(path: Path, only: frozenset[str] | None = None) -> Iterator[Parsed]:
    """The parts of a file the first pass kept at `path`, in file order (only those of the keys in `only`,
    when given)."""
    with path.open("rb") as stream:
        while True:
            try:
                page: list[Parsed] = pickle.load(stream)
            except EOFError:
                return
            if only is None:
                yield from page
            else:
                yield from (parsed for parsed in page if section_of(parsed) in only)
