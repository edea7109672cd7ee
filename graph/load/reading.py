"""Read one seed file (YAML, JSON or CSV) into plain data; find the lines of its records when asked."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the slower PyYAML path does the same
    yaml_rs = None  # type: ignore[assignment]

from graph.errors import Location, Problem

SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})
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


@dataclass
class RecordLines:
    line: int | None = None
    fields: dict[str, int] = field(default_factory=dict)


@dataclass
class RawFile:
    path: Path
    name: str
    """How the file is called in messages: the path as the user gave it."""
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    known_lines: dict[tuple[str, int], RecordLines] | None = None

    @property
    def lines(self) -> dict[tuple[str, int], RecordLines]:
        """Where each record and field starts; found only when asked, as it costs a slower YAML parse."""
        if self.known_lines is None:
            self.known_lines = record_lines(self.path)
        return self.known_lines

    def location(
        self,
        section: str | None = None,
        index: int | None = None,
        field: str | None = None,
        record: str | None = None,
    ) -> Location:
        lines = self.lines.get((section, index)) if section is not None and index is not None else None
        line = None
        if lines:
            top_field = re.split(r"[.\[]", field, maxsplit=1)[0] if field else None
            line = lines.fields.get(top_field, lines.line) if top_field else lines.line
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


def read_file(path: Path, name: str | None = None) -> RawFile:
    raw = RawFile(path=path, name=name or str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raw.known_lines = {}
        raw.problems.append(Problem(raw.location(), f"cannot read the file: {exc}"))
        return raw
    suffix = path.suffix.lower()
    if suffix == ".json":
        _read_json(raw, text)
    elif suffix == ".csv":
        _read_csv(raw, text)
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
        _read_yaml(raw, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
    return raw.known_lines or {}


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


def _read_json(raw: RawFile, text: str) -> None:
    raw.known_lines = {}
    try:
        raw.data = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as exc:
        where = Location(file=raw.name, line=exc.lineno)
        raw.problems.append(Problem(where, f"broken JSON: {exc.msg} (column {exc.colno})"))


def _read_csv(raw: RawFile, text: str) -> None:
    raw.known_lines = {}
    reader = csv.DictReader(text.splitlines())
    columns = set(reader.fieldnames or ())
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
        raw.problems.append(
            Problem(Location(raw.name, line=1), f"{detail}; columns are {', '.join(CSV_COLUMNS)}")
        )
        return
    actors: list[dict[str, Any]] = []
    for index, row in enumerate(reader):
        raw.lines[("actors", index)] = RecordLines(line=reader.line_num)
        actors.append(_csv_actor(row))
    raw.data = {"actors": actors}


def _csv_actor(row: dict[str, str | None]) -> dict[str, Any]:
    actor: dict[str, Any] = {
        key: value.strip() for key, value in row.items() if key and value and value.strip()
    }
    if "aliases" in actor:
        actor["aliases"] = [alias.strip() for alias in actor["aliases"].split("|") if alias.strip()]
    if "lat" in actor or "lon" in actor:
        actor["location"] = {"lat": actor.pop("lat", None), "lon": actor.pop("lon", None)}
    return actor
