"""Read one seed file (YAML, JSON or CSV) into plain data; find the lines of its records when asked."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the slower PyYAML path does the same
    yaml_rs = None  # type: ignore[assignment]

from graph.errors import Location, Problem
from graph.settings import DEFAULT_MAX_FILE_BYTES

SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})
BOM = "\ufeff"
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What YAML 1.2 calls non-printable (C0 and C1 controls but tab and line breaks, DEL, U+FFFE/FFFF), and NEL
(U+0085, a line break to PyYAML, not to yaml-rs). A parser may stop at one (yaml-rs ends the document at a
NUL, dropping every record after it), so no seed file or source text may hold one, whatever its format."""
_CONTROL_NAMES = {"\x00": "NUL", "\x7f": "DEL", "\x1b": "ESC", "\x0c": "form feed", "\x0b": "vertical tab"}
CSV_COLUMNS = (
    "id",
    "kind",
    "name",
    "aliases",
    "iso_code",
    "parent",
    "lat",
    "lon",
    "wikidata_id",
    "org_kind",
    "country",
)


TOP_LEVEL = -1
"""The index under which a top-level key's own line (and its fields' lines, for `source`) is kept."""


@dataclass
class RecordLines:
    line: int | None = None
    fields: dict[str, int] = field(default_factory=dict)

    def line_of(self, field: str | None) -> int | None:
        """The line of a field's top-level key (`places[0]`: `places`), else the record's first line."""
        return self.fields.get(_top_field(field), self.line) if field else self.line


@lru_cache(maxsize=4096)
def _top_field(field: str) -> str:
    return re.split(r"[.\[]", field, maxsplit=1)[0]


class LineIndex(dict[tuple[str, int], RecordLines]):
    """The lines of a file read record by record: where each record starts (an array of line numbers per
    section, a few bytes a record), RecordLines for top-level keys, and the fields' lines of the record being
    read (`current`, found in its text) — a problem found later names the record's first line."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: dict[str, array[int]] = {}
        self.current: tuple[str, int, str, int] | None = None
        """(section, index, text, first line) of the record being read (YAML)."""
        self._fields: tuple[tuple[str, int, str, int], RecordLines] | None = None

    def note(self, section: str, index: int, line: int) -> None:
        starts = self.starts.setdefault(section, array("L"))
        if len(starts) == index:
            starts.append(line)

    def get(self, key: tuple[str, int], default: RecordLines | None = None) -> RecordLines | None:  # type: ignore[override]
        found = super().get(key)
        if found is not None:
            return found
        if self.current is not None and self.current[:2] == key:
            if self._fields is None or self._fields[0] is not self.current:
                found = RecordLines(self.current[3], field_lines(self.current[2], self.current[3]))
                self._fields = (self.current, found)
            return self._fields[1]
        starts = self.starts.get(key[0])
        if starts is not None and 0 <= key[1] < len(starts):
            return RecordLines(line=starts[key[1]])
        return default


def field_lines(text: str, first_line: int) -> dict[str, int]:
    """The lines of a YAML item's top-level fields, found in its text (`- id: ...` then `  key: ...`)."""
    lines = text.split("\n")
    head = re.match(r"([ ]*-[ ]+)", lines[0])
    if not head:
        return {}
    column = len(head.group(1))
    fields: dict[str, int] = {}
    first = re.match(r"([^\s:#'\"{\[][^:#]*?)[ \t]*:(?:[ \t]|$)", lines[0][column:])
    if first:
        fields[first.group(1)] = first_line
    pattern = re.compile(" {%d}" % column + r"([^\s:#'\"{\[-][^:#]*?)[ \t]*:(?:[ \t]|$)")  # noqa: UP031
    for number, line in enumerate(lines[1:], start=first_line + 1):
        if (found := pattern.match(line)) and not line[column].isspace():
            fields.setdefault(found.group(1), number)
    return fields


@dataclass
class RawFile:
    path: Path
    name: str
    """How the file is called in messages: the path as the user gave it."""
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    known_lines: dict[tuple[str, int], RecordLines] | None = None
    sha256: str | None = None
    """Of the bytes read, for the load's change record."""

    @property
    def lines(self) -> dict[tuple[str, int], RecordLines]:
        """Where each record and field starts; found only when asked, as it costs a slower YAML parse."""
        if self.known_lines is None:
            self.known_lines = record_lines(self.path)
        return self.known_lines

    def lines_index(self) -> LineIndex:
        return LineIndex()

    def forget_current(self) -> None:
        """Drop the text of the record last read (before the lines are kept or sent to another process)."""
        if isinstance(self.known_lines, LineIndex):
            self.known_lines.current = None
            self.known_lines._fields = None

    def location(
        self,
        section: str | None = None,
        index: int | None = None,
        field: str | None = None,
        record: str | None = None,
    ) -> Location:
        lines = self.lines.get((section, index)) if section is not None and index is not None else None
        inner = field
        if section is None and field:  # a top-level key, or a field of `source`
            top, _, inner = field.partition(".")
            lines = self.lines.get((top, TOP_LEVEL))
        line = lines.line_of(inner) if lines else None
        return Location(file=self.name, record=record, field=field, line=line)


class _SeedYamlLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML without YAML 1.1 surprises: dates stay text (the model checks them) and NO is not False."""


_SeedYamlLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SeedYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class Unreadable(ValueError):
    """A file that is not text this project reads: too big, not UTF-8, or holding control characters."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def unprintable(text: str) -> tuple[int, int, str] | None:
    """(line, column, character) of the first non-printable character of `text`, lines and columns counted
    from 1 within it; None when there is none."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is None:
        return None
    char = bad.group()
    line = text.count("\n", 0, bad.start()) + 1
    column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
    return line, column, char


def control_message(char: str, column: int) -> str:
    name = _CONTROL_NAMES.get(char, "control character")
    return f"a {name} (U+{ord(char):04X}) at column {column}: not allowed in a text file (binary?)"


def read_text(
    path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES, setting: str = "KG_MAX_FILE_BYTES"
) -> tuple[str, bytes]:
    """The file's text (a leading byte-order mark dropped) and its bytes; Unreadable when it is not text
    within the size limit. Messages name the place of a bad byte, never the file's content."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Unreadable(_too_big(size, max_bytes, setting))
        with path.open("rb") as stream:
            data = stream.read(min(size, max_bytes) + 1)  # read(n) allocates n bytes at once
            if len(data) > size:  # it grew since
                data += stream.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise Unreadable(_too_big(len(data), max_bytes, setting))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column} (a binary file?)"
        raise Unreadable(message, line) from None
    text = text.removeprefix(BOM)
    if found := unprintable(text):
        raise Unreadable(control_message(found[2], found[1]), found[0])
    return text, data


def _too_big(size: int, limit: int, setting: str = "KG_MAX_FILE_BYTES") -> str:
    return (
        f"the file has {size:,} bytes, more than the limit of {limit:,} ({setting}): "
        "split it into smaller files"
    )


def read_file(path: Path, name: str | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> RawFile:
    raw = RawFile(path=path, name=name or str(path))
    try:
        text, data = read_text(path, max_bytes)
    except Unreadable as exc:
        raw.known_lines = {}
        raw.problems.append(Problem(Location(file=raw.name, line=exc.line), str(exc)))
        return raw
    raw.sha256 = hashlib.sha256(data).hexdigest()
    del data
    suffix = path.suffix.lower()
    if suffix == ".json":
        _read_json(raw, text)
    elif suffix == ".csv":
        _read_csv(raw, text)
    elif _refuse_aliases(raw, text):
        pass
    elif yaml_rs is not None:
        _read_yaml_fast(raw, text)
    else:
        _read_yaml(raw, text)
    return raw


def record_lines(path: Path) -> dict[tuple[str, int], RecordLines]:
    if path.suffix.lower() not in (".yaml", ".yml"):
        return {}
    raw = RawFile(path=path, name=str(path))
    try:
        text, _ = read_text(path)
    except Unreadable:
        return {}
    if not _refuse_aliases(raw, text):
        _read_yaml(raw, text)
    return raw.known_lines or {}


def _refuse_aliases(raw: RawFile, text: str) -> bool:
    """Refuse YAML aliases (`*name`): kilobytes of nested aliases expand to gigabytes ("billion laughs").
    Only a file with a `*` in it is scanned (libyaml's event parser, which does not expand them)."""
    if "*" not in text:
        return False
    try:
        for event in yaml.parse(text, Loader=_SeedYamlLoader):
            if isinstance(event, yaml.AliasEvent):
                where = Location(file=raw.name, line=event.start_mark.line + 1 if event.start_mark else None)
                message = f"a YAML alias (*{event.anchor}): seed files may not use them; write the value out"
                raw.known_lines = {}
                raw.problems.append(Problem(where, message))
                return True
    except yaml.YAMLError:
        return False  # broken YAML: the parse proper says where
    return False


def _read_yaml_fast(raw: RawFile, text: str) -> None:
    """yaml-rs parses an order of magnitude faster than PyYAML; PyYAML explains what it rejects."""
    assert yaml_rs is not None
    try:
        raw.data = yaml_rs.loads(text, parse_datetime=False) if text.strip() else {}
    except yaml_rs.YAMLDecodeError as exc:
        _read_yaml(raw, text)
        if not raw.problems:
            line = re.search(r"line (\d+)", str(exc))
            where = Location(file=raw.name, line=int(line.group(1)) if line else None)
            raw.problems.append(Problem(where, f"broken YAML: {str(exc).splitlines()[-1]}"))


def _read_yaml(raw: RawFile, text: str) -> None:
    raw.known_lines = {}
    loader = _SeedYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raw.data = {}
            return
        _note_lines(raw, node)
        raw.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(file=raw.name, line=mark.line + 1 if mark else None)
        raw.problems.append(Problem(where, f"broken YAML: {exc.problem or exc.context}"))
    except yaml.YAMLError as exc:
        raw.problems.append(Problem(raw.location(), f"broken YAML: {exc}"))
    finally:
        loader.dispose()


def _note_lines(raw: RawFile, root: yaml.Node) -> None:
    if not isinstance(root, yaml.MappingNode):
        return
    for key_node, value_node in root.value:
        top = RecordLines(line=key_node.start_mark.line + 1)
        if isinstance(value_node, yaml.MappingNode):
            top.fields = {str(key.value): value.start_mark.line + 1 for key, value in value_node.value}
        raw.lines[(str(key_node.value), TOP_LEVEL)] = top
        if not isinstance(value_node, yaml.SequenceNode):
            continue
        for index, item in enumerate(value_node.value):
            lines = RecordLines(line=item.start_mark.line + 1)
            if isinstance(item, yaml.MappingNode):
                for field_key, field_value in item.value:
                    name = str(field_key.value)
                    if name in lines.fields:
                        where = Location(
                            raw.name, f"{key_node.value}[{index}]", name, field_key.start_mark.line + 1
                        )
                        raw.problems.append(Problem(where, f"field '{name}' is given twice"))
                    lines.fields[name] = field_value.start_mark.line + 1
            raw.lines[(str(key_node.value), index)] = lines


class _DuplicateKey(ValueError):
    def __init__(self, key: str, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(key)
        self.key = key
        self.pairs = pairs


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key, pairs)
            seen.add(key)
    return mapping


def _read_json(raw: RawFile, text: str) -> None:
    raw.known_lines = {}
    try:
        raw.data = json.loads(text, object_pairs_hook=_no_duplicates) if text.strip() else {}
    except json.JSONDecodeError as exc:
        where = Location(file=raw.name, line=exc.lineno)
        raw.problems.append(Problem(where, f"broken JSON: {exc.msg} (column {exc.colno})"))
    except _DuplicateKey as exc:
        record_id = dict(exc.pairs).get("id")
        record = record_id if isinstance(record_id, str) else None
        where = Location(file=raw.name, record=record, field=exc.key, line=_second_key_line(text, exc))
        raw.problems.append(Problem(where, f"the key '{exc.key}' is given twice in one object"))
    except RecursionError:
        message = "broken JSON: nested too deeply (seed records need a few levels, not hundreds)"
        raw.problems.append(Problem(Location(file=raw.name), message))


def _second_key_line(text: str, duplicate: _DuplicateKey) -> int | None:
    """The line of the repeated key: its second occurrence after the object's id (when it has one)."""
    start = 0
    record_id = dict(duplicate.pairs).get("id")
    if isinstance(record_id, str):
        start = max(text.find(json.dumps(record_id)), 0)
    keys = list(re.finditer(re.escape(json.dumps(duplicate.key)) + r"\s*:", text[start:]))
    if len(keys) < 2:
        return None
    return text.count("\n", 0, start + keys[1].start()) + 1


def _read_csv(raw: RawFile, text: str) -> None:
    raw.known_lines = {}
    reader = csv.DictReader(text.splitlines())
    columns = set(reader.fieldnames or ())
    if wrong := csv_header_problem(columns):
        raw.problems.append(Problem(Location(raw.name, line=1), wrong))
        return
    actors: list[dict[str, Any]] = []
    for index, row in enumerate(reader):
        raw.lines[("actors", index)] = RecordLines(line=reader.line_num)
        extra = row.get(None)  # type: ignore[call-overload,unused-ignore]
        if extra:
            label = f"actors[{index}] {row['id']}" if row.get("id") else f"actors[{index}]"
            where = Location(raw.name, label, line=reader.line_num)
            message = (
                f"{len(extra)} cell(s) more than the {len(columns)} columns of the header "
                "(a comma inside a value must be quoted)"
            )
            raw.problems.append(Problem(where, message))
        actors.append(_csv_actor(row))
    raw.data = {"actors": actors}


def csv_header_problem(columns: set[str]) -> str | None:
    """What is wrong with a CSV file's columns (unknown ones, missing ones), or None: for the file read whole
    and read row by row (graph/load/formats/csv_rows.py) alike."""
    unknown = sorted(columns - set(CSV_COLUMNS))
    missing = sorted({"id", "kind", "name"} - columns)
    if not unknown and not missing:
        return None
    detail = "; ".join(
        part
        for part in (
            f"unknown column(s) {', '.join(unknown)}" if unknown else "",
            f"missing column(s) {', '.join(missing)}" if missing else "",
        )
        if part
    )
    return f"{detail}; columns are {', '.join(CSV_COLUMNS)}"


def _csv_actor(row: dict[str, str | None]) -> dict[str, Any]:
    actor: dict[str, Any] = {
        key: value.strip() for key, value in row.items() if key and value and value.strip()
    }
    if "aliases" in actor:
        actor["aliases"] = [alias.strip() for alias in actor["aliases"].split("|") if alias.strip()]
    if "lat" in actor or "lon" in actor:
        actor["location"] = {"lat": actor.pop("lat", None), "lon": actor.pop("lon", None)}
    return actor
