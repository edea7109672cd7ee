"""What every format's reader shares: the `Item` it yields, its problems, the record limit, whole files.

A file that cannot be read record by record (YAML not in block style, JSON whose top level is not an
object) is read whole by `Reading.whole`, as files were before streaming, when it is small enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph.errors import Location, Problem
from graph.load.reading import TOP_LEVEL, RawFile, read_file

WHOLE_FILE_LIMIT = 32 * 1024 * 1024
"""The largest file read whole when it cannot be read record by record (YAML not in block style, JSON whose
top level is not an object): such a parse takes about 18 times the file's size in memory."""
BROKEN = object()
"""What a reader's parse of a record returns when it found a problem (already noted) instead of a value."""
_ID = re.compile(r"""(?m)(?:^[ \t-]*|[{,][ \t]*)["']?id["']?[ \t]*:[ \t]*['"]?([^'"\s,}#]+)""")


@dataclass
class Item:
    """One top-level value (`index` None) or one item of a section's list."""

    key: str
    index: int | None
    data: Any
    line: int | None
    text: str | None = None
    """YAML only: the item's text, to find its fields' lines if a problem needs them."""


class ReadWhole(Exception):
    """This file cannot be read record by record: read it whole."""


class StopReading(Exception):
    """A problem that ends the reading of the file (broken JSON)."""


class Reading:
    """One file being read: where its problems and record lines go, and the limits it is read under.
    Each format's reader is a subclass; this class alone reads a file whole."""

    def __init__(
        self, raw: RawFile, max_file_bytes: int, max_record_bytes: int, only: frozenset[str] | None
    ) -> None:
        self.raw = raw
        self.max_file_bytes = max_file_bytes
        self.limit = max_record_bytes
        self.only = only
        self.index = raw.lines_index()
        raw.known_lines = self.index

    def wanted(self, key: str) -> bool:
        return self.only is None or key in self.only

    def problem(
        self, message: str, line: int | None, record: str | None = None, field: str | None = None
    ) -> None:
        self.raw.problems.append(Problem(Location(self.raw.name, record, field, line), message))

    def too_large(self, size: int, line: int | None, label: str) -> None:
        message = (
            f"a record of at least {size:,} characters, more than the limit of {self.limit:,} "
            "(KG_MAX_RECORD_BYTES): split it, or move long texts into the source's text file"
        )
        self.problem(message, line, label)

    def whole(self, size: int) -> Iterator[Item]:
        """The file read whole (the old way), for what is small and not in the streaming shape."""
        if size > WHOLE_FILE_LIMIT:
            shape = (
                "an object of sections at the top"
                if self.raw.path.suffix.lower() == ".json"
                else "in block style (top-level keys at column 0, each record a `- ` item, no `---`)"
            )
            message = (
                f"a file over {WHOLE_FILE_LIMIT // 2**20} MiB that is not {shape} cannot be read record by "
                "record: write it in that shape, or split it"
            )
            self.problem(message, None)
            return
        whole = read_file(self.raw.path, self.raw.name, self.max_file_bytes)
        self.raw.known_lines = whole.known_lines
        self.raw.problems.extend(whole.problems)
        if not whole.problems:
            self.raw.data = whole.data
            yield from data_items(self.raw, self.only)
            self.raw.data = None


def data_items(raw: RawFile, only: frozenset[str] | None = None) -> Iterator[Item]:
    """The items of a file read whole (`raw.data`); a problem in `raw` when it is not a mapping."""
    data = raw.data
    if not isinstance(data, dict):
        kind = type(data).__name__
        raw.problems.append(Problem(raw.location(), f"expected a mapping of sections at the top, got {kind}"))
        return
    known = raw.known_lines or {}
    for key, value in data.items():
        key = str(key)
        if only is not None and key not in only:
            continue
        top = known.get((key, TOP_LEVEL))
        if isinstance(value, list) and value and key != "source":
            for index, element in enumerate(value):
                lines = known.get((key, index))
                yield Item(key, index, element, lines.line if lines else None)
        else:
            yield Item(key, None, value, top.line if top else None)


def record_id_label(label: str, text: str) -> str:
    """`label` and the record's id, when the start of its text gives one (to name a record too large)."""
    found = _ID.search(text[:4096])
    return f"{label} {found.group(1)}" if found else label
