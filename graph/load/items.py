"""Read a seed file record by record, so a load's memory follows its largest record, not the file's size.

A seed file is a top-level mapping of sections, most of them lists of records. `read_items` yields each
top-level value, and each item of a section's list on its own, with the line it starts on:

- YAML in block style (every top-level key at column 0, a section's records `- ` items) is split at its
  items as text, and each item parsed alone (yaml-rs; PyYAML to explain what it refuses). Any other YAML
  (flow style, document markers, ...) is parsed whole, as before, when it is small enough
  (`WHOLE_FILE_LIMIT`).
- JSON is scanned by hand down to the elements of each section's array; each element is parsed by the
  standard library's decoder from a window of the text.
- CSV rows are read one at a time.

Before any of that, one pass over the bytes checks the file as `read_text` does (UTF-8, no control
characters, within KG_MAX_FILE_BYTES) and takes its SHA-256, so a bad byte is reported wherever it is.
A record (its text) larger than KG_MAX_RECORD_BYTES is refused, naming its line.

This module chooses the reader; each format's reader is a module of `graph.load.formats`.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.errors import Location, Problem
from graph.load.formats.common import Item, Reading, data_items
from graph.load.formats.csv_rows import CsvReading
from graph.load.formats.json_records import JsonReading
from graph.load.formats.shape import Shape, survey_bytes
from graph.load.formats.yaml_records import YamlReading
from graph.load.reading import RawFile, Unreadable
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES

__all__ = ["Item", "data_items", "read_items"]


def read_items(
    raw: RawFile,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    only: frozenset[str] | None = None,
    shape: Shape | None = None,
) -> Iterator[Item]:
    """The file's top-level values and section items, in file order (only the keys in `only`, when given).
    Problems go to `raw.problems`; `raw.sha256` is set; `raw.lines` learns where each record starts."""
    shape = shape or survey_bytes(raw, max_file_bytes)
    if shape is None:
        return
    raw.sha256 = shape.sha256
    suffix = raw.path.suffix.lower()
    args = (raw, max_file_bytes, max_record_bytes, only)
    try:
        if suffix == ".csv":
            yield from CsvReading(*args).items()
        elif suffix == ".json":
            yield from JsonReading(*args).items()
        elif shape.block_style:
            yield from YamlReading(*args).items(shape)
        else:
            yield from Reading(*args).whole(shape.size)
    except Unreadable as exc:  # the file changed since the first pass
        raw.problems.append(Problem(Location(file=raw.name, line=exc.line), str(exc)))
