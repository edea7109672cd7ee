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
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the slower PyYAML path does the same
    yaml_rs = None  # type: ignore[assignment]

from graph.errors import Location, Problem
from graph.load.reading import (
    BOM,
    CSV_COLUMNS,
    TOP_LEVEL,
    RawFile,
    RecordLines,
    Unreadable,
    _csv_actor,
    _DuplicateKey,
    _no_duplicates,
    _refuse_aliases,
    _second_key_line,
    _SeedYamlLoader,
    _too_big,
    control_message,
    read_file,
    read_text,
    unprintable,
)
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES

CHUNK = 1 << 20
"""Bytes read at a time."""
WHOLE_FILE_LIMIT = 32 * 1024 * 1024
"""The largest file read whole when it cannot be read record by record (YAML not in block style, JSON whose
top level is not an object): such a parse takes about 18 times the file's size in memory."""

_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?\n?$", re.DOTALL)
_IRREGULAR = re.compile(r"(?m)^(?!$|[ #\r\n]|-(?:[ \r\n]|$)|[A-Za-z_][\w-]*[ \t]*:(?:[ \t\r\n]|$))")
"""A line at column 0 that is not blank, a comment, a top-level `key:` or a `- ` item: not block style."""
_ODD_BREAKS = re.compile("\r(?!\n)|[\u2028\u2029]")
"""Line breaks PyYAML counts that this splitter does not: such files are parsed whole."""
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


@dataclass
class Shape:
    """What the first pass over a file's bytes found."""

    sha256: str
    size: int
    block_style: bool
    star: bool
    """Whether a `*` appears anywhere (a YAML alias, perhaps)."""
    keys: list[str]
    """Top-level keys in the order they appear (YAML; JSON's are found while reading)."""


class TooLarge(ValueError):
    """A record whose text is larger than KG_MAX_RECORD_BYTES."""


def checked_text(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES, digest: Any = None) -> Iterator[str]:
    """The file's text in pieces, checked as `read_text` checks a whole file; Unreadable at a bad byte."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Unreadable(_too_big(size, max_bytes))
        stream = path.open("rb")
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror or exc}") from None
    with stream:
        pending = b""
        line, byte_column, char_column = 1, 0, 0
        total = 0
        first = True
        while True:
            try:
                block = stream.read(CHUNK)
            except OSError as exc:
                raise Unreadable(f"cannot read the file: {exc.strerror or exc}") from None
            total += len(block)
            if total > max_bytes:
                raise Unreadable(_too_big(total, max_bytes))
            if digest is not None:
                digest.update(block)
            data = pending + block
            final = not block
            try:
                text = data.decode("utf-8")
                pending = b""
            except UnicodeDecodeError as exc:
                if not final and exc.reason == "unexpected end of data" and exc.end == len(data):
                    text, pending = data[: exc.start].decode("utf-8"), data[exc.start :]
                else:
                    before = data.rfind(b"\n", 0, exc.start)
                    column = exc.start - before if before >= 0 else byte_column + exc.start + 1
                    where = line + data.count(b"\n", 0, exc.start)
                    message = (
                        f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column} (a binary file?)"
                    )
                    raise Unreadable(message, where) from None
            if first:
                text = text.removeprefix(BOM)
                first = False
            if found := unprintable(text):
                bad_line, column, char = found
                column += char_column if bad_line == 1 else 0
                raise Unreadable(control_message(char, column), line + bad_line - 1)
            newlines = text.count("\n")
            if newlines:
                line += newlines
                char_column = len(text) - text.rfind("\n") - 1
            else:
                char_column += len(text)
            last = data.rfind(b"\n")
            byte_column = len(data) - len(pending) - last - 1 if last >= 0 else byte_column + len(data)
            if text:
                yield text
            if final:
                return


def survey_bytes(raw: RawFile, max_bytes: int) -> Shape | None:
    """The first pass: check the bytes, hash them, and see whether YAML is in block style. None (and a
    problem in `raw`) when the file is not readable text."""
    digest = hashlib.sha256()
    yaml_file = raw.path.suffix.lower() in (".yaml", ".yml")
    block_style = yaml_file
    keys: list[str] = []
    star = False
    carry = ""
    size = 0
    try:
        for text in checked_text(raw.path, max_bytes, digest):
            size += len(text)
            if not yaml_file:
                continue
            star = star or "*" in text
            joined = carry + text
            if block_style and (_IRREGULAR.search(joined) or _ODD_BREAKS.search(joined[:-1])):
                block_style = False
            keys.extend(match.group(1) for match in re.finditer(r"(?m)^([A-Za-z_][\w-]*)[ \t]*:", joined))
            cut = joined.rfind("\n")
            carry = joined[cut + 1 :][:200] if cut >= 0 else joined[:200]
            if carry and re.match(r"[A-Za-z_][\w-]*[ \t]*:", carry):
                keys.pop()  # found again with the rest of its line
    except Unreadable as exc:
        raw.known_lines = {}
        raw.problems.append(Problem(Location(file=raw.name, line=exc.line), str(exc)))
        return None
    return Shape(digest.hexdigest(), size, block_style, star, keys)


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
    reading = _Reading(raw, max_file_bytes, max_record_bytes, only)
    try:
        if suffix == ".csv":
            yield from reading.csv()
        elif suffix == ".json":
            yield from reading.json()
        elif shape.block_style:
            yield from reading.yaml(shape)
        else:
            yield from reading.whole(shape.size)
    except Unreadable as exc:  # the file changed since the first pass
        raw.problems.append(Problem(Location(file=raw.name, line=exc.line), str(exc)))


class _Whole(Exception):
    """This file cannot be read record by record: read it whole."""


class _Stop(Exception):
    """A problem that ends the reading of the file (broken JSON)."""


class _Reading:
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

    # ---- whole files: the old way, for what is small and not in the streaming shape

    def whole(self, size: int) -> Iterator[Item]:
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

    # ---- CSV

    def csv(self) -> Iterator[Item]:
        lines = _lines(checked_text(self.raw.path, self.max_file_bytes), self.limit)
        csv.field_size_limit(
            max(csv.field_size_limit(), self.limit)
        )  # the record limit is the one that counts
        reader = csv.reader(lines)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            self.problem(f"broken CSV: {exc}", 1)
            return
        except TooLarge:
            self.too_large(self.limit, 1, "the header")
            return
        columns = set(header)
        unknown = sorted(columns - set(CSV_COLUMNS))
        missing = sorted({"id", "kind", "name"} - columns)
        if unknown or missing:
            detail = "; ".join(
                part
                for part in (
                    f"unknown column(s) {', '.join(unknown)}" if unknown else "",
                    f"missing column(s) {', '.join(missing)}" if missing else "",
                )
                if part
            )
            self.problem(f"{detail}; columns are {', '.join(CSV_COLUMNS)}", 1)
            return
        index = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except TooLarge as exc:
                self.too_large(self.limit, int(str(exc)), f"actors[{index}]")
                break
            except csv.Error as exc:
                self.problem(f"broken CSV: {exc}", reader.line_num)
                break
            if not cells:
                continue
            row: dict[str | None, Any] = dict(zip(header, cells, strict=False))
            for missing_column in header[len(cells) :]:
                row[missing_column] = None
            if len(cells) > len(header):
                row[None] = cells[len(header) :]
            line = reader.line_num
            self.index.note("actors", index, line)
            if sum(map(len, cells)) > self.limit:
                record_id = row.get("id")
                label = f"actors[{index}] {record_id}" if record_id else f"actors[{index}]"
                self.too_large(sum(map(len, cells)), line, label)
                index += 1
                continue
            extra = row.get(None)
            if extra:
                label = f"actors[{index}] {row['id']}" if row.get("id") else f"actors[{index}]"
                message = (
                    f"{len(extra)} cell(s) more than the {len(columns)} columns of the header "
                    "(a comma inside a value must be quoted)"
                )
                self.problem(message, line, label)
            yield Item("actors", index, _csv_actor(row), line)  # type: ignore[arg-type]
            index += 1

    # ---- JSON

    def json(self) -> Iterator[Item]:
        scanner = _JsonScanner(checked_text(self.raw.path, self.max_file_bytes), self.limit)
        try:
            yield from self._json_object(scanner)
        except _Whole:
            yield from self.whole(self.raw.path.stat().st_size)
        except _Stop:
            return

    def _json_object(self, scan: _JsonScanner) -> Iterator[Item]:
        if not scan.skip_space():
            return  # an empty file: no records
        if scan.peek() != "{":
            raise _Whole
        scan.pos += 1
        seen: set[str] = set()
        first = True
        while True:
            scan.skip_space()
            if scan.peek() == "}" and first:
                scan.pos += 1
                break
            key_line = scan.line_at()
            key = self._json_value(scan, None, "a key")
            if not isinstance(key, str):
                self._json_broken(scan, "Expecting property name enclosed in double quotes")
            if key in seen:
                self.problem(f"the key '{key}' is given twice in one object", key_line, None, key)
                raise _Stop
            seen.add(key)
            scan.skip_space()
            self._json_expect(scan, ":", "Expecting ':' delimiter")
            scan.skip_space()
            if scan.peek() == "[" and key != "source":
                scan.pos += 1
                yield from self._json_array(scan, key)
            else:
                value = self._json_value(scan, key, key)
                if self.wanted(key):
                    yield Item(key, None, value, None)
            scan.skip_space()
            first = False
            if scan.peek() == ",":
                scan.pos += 1
                continue
            self._json_expect(scan, "}", "Expecting ',' delimiter")
            break
        if scan.skip_space():
            self._json_broken(scan, "Extra data")

    def _json_array(self, scan: _JsonScanner, key: str) -> Iterator[Item]:
        index = 0
        scan.skip_space()
        if scan.peek() == "]":
            scan.pos += 1
            if self.wanted(key):
                yield Item(key, None, [], None)
            return
        while True:
            scan.skip_space()
            label = f"{key}[{index}]"
            value = self._json_value(scan, key, label)
            if self.wanted(key):
                yield Item(key, index, value, None)
            index += 1
            scan.skip_space()
            if scan.peek() == ",":
                scan.pos += 1
                continue
            self._json_expect(scan, "]", "Expecting ',' delimiter")
            return

    def _json_value(self, scan: _JsonScanner, key: str | None, label: str) -> Any:
        try:
            return scan.value()
        except _Broken as exc:
            self.problem(f"broken JSON: {exc.message} (column {exc.column})", exc.line)
        except _DuplicateKey as exc:
            record_id = dict(exc.pairs).get("id")
            record = record_id if isinstance(record_id, str) else None
            text, first_line = scan.last_text()
            line = _second_key_line(text, exc)
            where = first_line + line - 1 if line else None
            self.problem(f"the key '{exc.key}' is given twice in one object", where, record, exc.key)
        except RecursionError:
            message = "broken JSON: nested too deeply (seed records need a few levels, not hundreds)"
            self.problem(message, None)
        except TooLarge:
            record = _record_id_label(label, scan.window())
            self.too_large(self.limit, scan.line_at(scan.start), record)
        raise _Stop

    def _json_expect(self, scan: _JsonScanner, char: str, message: str) -> None:
        if scan.peek() != char:
            self._json_broken(scan, message)
        scan.pos += 1

    def _json_broken(self, scan: _JsonScanner, message: str) -> None:
        self.problem(f"broken JSON: {message} (column {scan.column_at()})", scan.line_at())
        raise _Stop

    # ---- YAML in block style

    def yaml(self, shape: Shape) -> Iterator[Item]:
        if shape.star and shape.size <= WHOLE_FILE_LIMIT:
            # As a whole file: an alias anywhere refuses the file, before any of its records is read.
            text, _ = read_text(self.raw.path, self.max_file_bytes)
            if _refuse_aliases(self.raw, text):
                self.raw.known_lines = self.raw.lines_index()
                return
            del text
        keys_seen: set[str] = set()
        lines = enumerate(_lines(checked_text(self.raw.path, self.max_file_bytes), self.limit * 2), start=1)
        try:
            for key, line, header, body in _yaml_sections(lines, self):
                if key in keys_seen:
                    self.problem(f"the top-level key '{key}' is given twice", line, None, key)
                    for _ in body:
                        pass
                    continue
                keys_seen.add(key)
                if not self.wanted(key):
                    for _ in body:
                        pass
                    continue
                yield from self._yaml_section(key, line, header, body)
        except TooLarge as exc:
            self.too_large(self.limit * 2, int(str(exc)), "a line")
        except _Stop:
            return

    def _yaml_section(
        self, key: str, line: int, header: str, body: Iterator[tuple[int, str, bool, int]]
    ) -> Iterator[Item]:
        """A top-level key: its list's items one at a time, or (any other value) the whole value."""
        self.index[(key, TOP_LEVEL)] = RecordLines(line=line)
        for index, (start, text, is_item, size) in enumerate(body):
            if not is_item:
                value = self._yaml_value(key, line, header + text, size)
                if value is _BROKEN:
                    return
                if isinstance(value, list) and value and key != "source":
                    for position, element in enumerate(value):
                        lines = self.raw.lines.get((key, position))
                        yield Item(key, position, element, lines.line if lines else line)
                else:
                    yield Item(key, None, value, line)
                return
            self.index.note(key, index, start)
            self.index.current = (key, index, text, start)
            if size > self.limit:
                self.too_large(size, start, _record_id_label(f"{key}[{index}]", text))
            else:
                parsed = self._yaml_item(key, index, start, text)
                if parsed is not _BROKEN:
                    yield Item(key, index, parsed, start, text)
        self.index.current = None

    def _yaml_value(self, key: str, line: int, text: str, size: int) -> Any:
        if size > self.limit:
            self.too_large(size, line, key)
            return _BROKEN
        part = RawFile(self.raw.path, self.raw.name)
        if _has_alias(part, text, line - 1):
            self.raw.problems.extend(part.problems)
            raise _Stop
        data = _compose(part, text, line - 1)
        self.raw.problems.extend(part.problems)
        if part.problems:
            return _BROKEN
        self.index.update(part.known_lines or {})
        return data.get(key) if isinstance(data, dict) else None

    def _yaml_item(self, key: str, index: int, start: int, text: str) -> Any:
        part = RawFile(self.raw.path, self.raw.name)
        if _has_alias(part, text, start - 1):
            self.raw.problems.extend(part.problems)
            raise _Stop
        if yaml_rs is not None:
            try:
                data = yaml_rs.loads(text, parse_datetime=False)
                return data[0] if isinstance(data, list) and data else None
            except yaml_rs.YAMLDecodeError as exc:
                fast_error: Exception | None = exc
        else:
            fast_error = None
        data = _compose(part, text, start - 1, key, index)
        if part.problems:
            self.raw.problems.extend(part.problems)
            return _BROKEN
        if fast_error is not None:
            found = re.search(r"line (\d+)", str(fast_error))
            where = start + int(found.group(1)) - 1 if found else start
            self.problem(f"broken YAML: {str(fast_error).splitlines()[-1]}", where)
            return _BROKEN
        return data[0] if isinstance(data, list) and data else None


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


_BROKEN = object()
_SPACE = re.compile(r"[ \t\n\r]*")


class _Broken(ValueError):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _JsonScanner:
    """A window over a JSON text given in pieces: whitespace and punctuation by hand, values by the standard
    decoder (C), at most about one record plus one piece of text in memory."""

    def __init__(self, chunks: Iterator[str], limit: int) -> None:
        self.chunks = chunks
        self.limit = limit
        self.buf = ""
        self.pos = 0
        self.line = 1
        """The line of buf[0]."""
        self.column = 0
        """Characters before buf[0] on its line."""
        self.eof = False
        self.start = 0
        """Where the value being decoded starts."""
        self.decoder = json.JSONDecoder(object_pairs_hook=_no_duplicates)

    def more(self) -> bool:
        if self.eof:
            return False
        if self.pos:
            dropped = self.buf[: self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self.line += newlines
                self.column = len(dropped) - dropped.rfind("\n") - 1
            else:
                self.column += len(dropped)
            self.buf = self.buf[self.pos :]
            self.start -= self.pos
            self.pos = 0
        chunk = next(self.chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def skip_space(self) -> bool:
        """Past whitespace; False at the end of the text."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return True
            if not self.more():
                return False

    def peek(self) -> str:
        return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def line_at(self, position: int | None = None) -> int:
        return self.line + self.buf.count("\n", 0, self.pos if position is None else position)

    def column_at(self, position: int | None = None) -> int:
        position = self.pos if position is None else position
        before = self.buf.rfind("\n", 0, position)
        return position - before if before >= 0 else self.column + position + 1

    def value(self) -> Any:
        while True:
            self.start = self.pos
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                window = len(self.buf) - self.start
                if not self.eof and window <= self.limit:
                    self.more()
                    continue
                if not self.eof and (
                    exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf) - 64
                ):
                    raise TooLarge from None
                raise _Broken(exc.msg, self.line_at(exc.pos), self.column_at(exc.pos)) from None
            if end == len(self.buf) and not self.eof:  # a number may go on in the next piece
                self.more()
                continue
            if end - self.start > self.limit:
                raise TooLarge
            self.pos = end
            return value

    def window(self) -> str:
        """The start of the value being decoded (to name a record)."""
        return self.buf[self.start : self.start + 4096]

    def last_text(self) -> tuple[str, int]:
        """The value being decoded, as far as the window goes, and its first line."""
        return self.buf[self.start : self.start + self.limit + 1], self.line_at(self.start)


def _has_alias(part: RawFile, text: str, offset: int) -> bool:
    if "*" not in text:
        return False
    try:
        for event in yaml.parse(text, Loader=_SeedYamlLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 + offset if event.start_mark else None
                message = f"a YAML alias (*{event.anchor}): seed files may not use them; write the value out"
                part.problems.append(Problem(Location(file=part.name, line=line), message))
                return True
    except yaml.YAMLError:
        return False
    return False


def _compose(part: RawFile, text: str, offset: int, key: str | None = None, index: int | None = None) -> Any:
    """PyYAML's parse of a piece of the file, with its lines (shifted by `offset`) and duplicate fields."""
    part.known_lines = {}
    loader = _SeedYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if isinstance(node, yaml.MappingNode):
            _note_top(part, node, offset)
        elif isinstance(node, yaml.SequenceNode) and key is not None and index is not None:
            for item in node.value[:1]:
                if isinstance(item, yaml.MappingNode):
                    _duplicate_fields(part, item, key, index, offset)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(file=part.name, line=mark.line + 1 + offset if mark else None)
        part.problems.append(Problem(where, f"broken YAML: {exc.problem or exc.context}"))
    except yaml.YAMLError as exc:
        part.problems.append(Problem(Location(file=part.name), f"broken YAML: {exc}"))
    finally:
        loader.dispose()
    return None


def _note_top(part: RawFile, root: yaml.MappingNode, offset: int) -> None:
    """Lines of a top-level key and its fields; of a flow list's records, and their duplicate fields."""
    for key_node, value_node in root.value:
        top = RecordLines(line=key_node.start_mark.line + 1 + offset)
        if isinstance(value_node, yaml.MappingNode):
            top.fields = {str(k.value): v.start_mark.line + 1 + offset for k, v in value_node.value}
        part.lines[(str(key_node.value), TOP_LEVEL)] = top
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                part.lines[(str(key_node.value), index)] = RecordLines(line=item.start_mark.line + 1 + offset)
                if isinstance(item, yaml.MappingNode):
                    _duplicate_fields(part, item, str(key_node.value), index, offset)


def _duplicate_fields(part: RawFile, item: yaml.MappingNode, key: str, index: int, offset: int) -> None:
    seen: set[str] = set()
    for field_key, _ in item.value:
        name = str(field_key.value)
        if name in seen:
            where = Location(part.name, f"{key}[{index}]", name, field_key.start_mark.line + 1 + offset)
            part.problems.append(Problem(where, f"field '{name}' is given twice"))
        seen.add(name)


def _record_id_label(label: str, text: str) -> str:
    found = _ID.search(text[:4096])
    return f"{label} {found.group(1)}" if found else label


def _lines(chunks: Iterable[str], limit: int) -> Iterator[str]:
    """Lines (with their ends) of a text given in pieces; TooLarge (its number) for a line over `limit`."""
    partial = ""
    number = 1
    for chunk in chunks:
        buffer = partial + chunk if partial else chunk
        start = 0
        while (end := buffer.find("\n", start)) >= 0:
            yield buffer[start : end + 1]
            start = end + 1
            number += 1
        partial = buffer[start:]
        if len(partial) > limit:
            raise TooLarge(str(number))
    if partial:
        yield partial


def _yaml_sections(
    lines: Iterator[tuple[int, str]], reading: _Reading
) -> Iterator[tuple[str, int, str, Iterator[tuple[int, str, bool, int]]]]:
    """Each top-level key of a block-style YAML file: (key, its line, the rest of its line, its body), the
    body a stream of (first line, text, is a list item, size). A value that is not a block list comes as one
    piece; each list item as its own piece. The body must be consumed before the next key."""
    pending = next(lines, None)
    while pending is not None:
        number, line = pending
        pending = None
        if not line.strip() or line.startswith("#"):
            pending = next(lines, None)
            continue
        found = _TOP_KEY.match(line)
        if not found:
            reading.problem("broken YAML: a line at column 0 that is not a top-level key", number)
            return
        key, rest = found.group(1), (found.group(2) or "")
        inline = bool(rest) and not rest.startswith("#")
        header = f"{key}: {rest}\n" if inline else f"{key}:\n"
        section = _Section(lines, reading.limit)
        yield key, number, header, section.pieces(inline)
        pending = section.next_key


class _Section:
    """Splits one top-level key's body into pieces; leaves the next top-level line in `next_key`."""

    def __init__(self, lines: Iterator[tuple[int, str]], limit: int) -> None:
        self.lines = lines
        self.limit = limit
        self.next_key: tuple[int, str] | None = None

    def pieces(self, inline: bool) -> Iterator[tuple[int, str, bool, int]]:
        body: list[str] = []
        size = 0
        start = 0
        item_indent: int | None = None
        sequence = not inline
        gap: list[str | int] = []
        """Blank and comment lines not yet known to lie inside an item (between two items they are dropped);
        a run of them among an item's fields is a count of line breaks."""
        for number, line in self.lines:
            blank = not line.strip() or line.lstrip().startswith("#")
            if not blank and not line[0].isspace() and not line.startswith("-"):
                self.next_key = (number, line)
                break
            if blank:
                if not body:
                    continue
                indent = len(line) - len(line.lstrip(" "))
                if item_indent is not None and (indent <= item_indent + 2 or not line.strip()):
                    # a comment among an item's fields, not inside a block scalar: only its line break counts
                    if gap and isinstance(gap[-1], int):
                        gap[-1] += 1
                    else:
                        gap.append(1)
                elif len(gap) < 4096:
                    gap.append(line)
                continue
            indent = len(line) - len(line.lstrip(" "))
            stripped = line[indent:]
            starts_item = stripped.startswith("-") and stripped[1:2] in (" ", "\n", "\r", "")
            if sequence and item_indent is None:
                if starts_item and not body:
                    item_indent = indent
                else:
                    sequence = False
            if sequence and starts_item and indent == item_indent:
                if body:
                    yield start, _joined(body, size, self.limit), True, size
                body, size, start, gap = [line], len(line), number, []
                continue
            if not body:
                start = number
            for each in gap:
                text = "\n" * each if isinstance(each, int) else each
                size += len(text)
                if size <= self.limit:
                    body.append(text)
            gap = []
            size += len(line)
            if size <= self.limit:
                body.append(line)
        if body and sequence and item_indent is not None:
            yield start, _joined(body, size, self.limit), True, size
        else:
            yield start, _joined(body, size, self.limit), False, size


def _joined(body: list[str], size: int, limit: int) -> str:
    """A piece's text; only its start (enough to name the record) when it is over the limit."""
    return "".join(body) if size <= limit else "".join(body)[:4096]
