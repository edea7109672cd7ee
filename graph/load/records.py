"""Validate the plain data of one file against the model, record by record, collecting every problem."""

from __future__ import annotations

import reprlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from graph.errors import Problem
from graph.load.reading import RawFile
from graph.model import KINDS, SECTIONS, SectionRecord, Source

TOP_LEVEL_KEYS = ("source", *SECTIONS)


@dataclass(frozen=True)
class ParsedRecord:
    section: str
    index: int
    model: SectionRecord

    @property
    def label(self) -> str:
        return f"{self.section}[{self.index}] {self.model.id}"


@dataclass
class ParsedFile:
    raw: RawFile
    source: Source | None = None
    records: list[ParsedRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def in_section(self, section: str) -> Iterator[ParsedRecord]:
        return (record for record in self.records if record.section == section)


def record_label(section: str, index: int, item: object) -> str:
    record_id = item.get("id") if isinstance(item, dict) else None
    return f"{section}[{index}] {record_id}" if isinstance(record_id, str) else f"{section}[{index}]"


def parse_records(raw: RawFile) -> ParsedFile:
    parsed = ParsedFile(raw=raw, problems=list(raw.problems))
    if raw.problems:
        return parsed
    data = raw.data
    if not isinstance(data, dict):
        kind = type(data).__name__
        parsed.problems.append(
            Problem(raw.location(), f"expected a mapping of sections at the top, got {kind}")
        )
        return parsed
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            message = f"unknown section '{key}'; sections are {', '.join(TOP_LEVEL_KEYS)}"
            parsed.problems.append(Problem(raw.location(field=str(key)), message))
    if data.get("source") is not None:
        try:
            parsed.source = Source.model_validate(data["source"])
        except ValidationError as exc:
            parsed.problems.extend(_problems(exc, raw, "source", None, "source"))
    for section, adapter in SECTIONS.items():
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            message = f"'{section}' must be a list of records, got {type(items).__name__}"
            parsed.problems.append(Problem(raw.location(field=section), message))
            continue
        for index, item in enumerate(items):
            label = record_label(section, index, item)
            if not isinstance(item, dict):
                where = raw.location(section, index, record=label)
                parsed.problems.append(Problem(where, f"a record is a mapping of fields, got {_shown(item)}"))
                continue
            try:
                parsed.records.append(ParsedRecord(section, index, adapter.validate_python(item)))
            except ValidationError as exc:
                parsed.problems.extend(_problems(exc, raw, section, index, label, item.get("kind")))
    return parsed


def _problems(
    exc: ValidationError, raw: RawFile, section: str, index: int | None, label: str, tag: object = None
) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        if loc and tag is not None and loc[0] == tag:
            loc = loc[1:]
        if error["type"] == "union_tag_not_found" or error["type"] == "union_tag_invalid":
            loc = ["kind"]
        path = _dotted(loc)
        yield Problem(raw.location(section, index, path or None, label), _message(error, section))


def _dotted(loc: list[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _message(error: ErrorDetails, section: str) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (see seed_data/FORMAT.md)"
    if kind == "union_tag_not_found":
        return f"is required: say which kind of record this is ({_kinds(section)})"
    if kind == "union_tag_invalid":
        tag = str((error.get("ctx") or {}).get("tag"))
        return f"{reprlib.repr(tag)} is not a known kind ({_kinds(section)})"
    message = error["msg"].removeprefix("Value error, ")
    if kind != "value_error" and _is_short(error["input"]):
        message += f" (got {error['input']!r})"
    return message


def _kinds(section: str) -> str:
    return "one of " + ", ".join(KINDS.get(section, ()))


def _shown(value: object) -> str:
    """A wrong value, shown briefly (it may be a list of a million items, or nested a thousand deep)."""
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    return reprlib.repr(value)


def _is_short(value: object) -> bool:
    return isinstance(value, str | int | float | bool) and len(repr(value)) <= 80
