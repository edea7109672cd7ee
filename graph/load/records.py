"""Validate the plain data of one file against the model, record by record, collecting every problem."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from graph.errors import Problem
from graph.load.items import Item, data_items
from graph.load.reading import RawFile
from graph.model import KINDS, SECTIONS, SectionRecord, Source
from graph.model.decisions import Decision

TOP_LEVEL_KEYS = ("source", *SECTIONS, "decisions")


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
    decisions: list[tuple[int, Decision]] = field(default_factory=list)
    """The file's `decisions:` list (graph/model/decisions.py), each with its position."""

    def in_section(self, section: str) -> Iterator[ParsedRecord]:
        return (record for record in self.records if record.section == section)


def record_label(section: str, index: int, item: object) -> str:
    record_id = item.get("id") if isinstance(item, dict) else None
    return f"{section}[{index}] {record_id}" if isinstance(record_id, str) else f"{section}[{index}]"


Parsed = Source | ParsedRecord | tuple[int, Decision]
"""What a seed file gives, one at a time: its source, a record of a section, a decision and its position."""

ORDER = ("source", *SECTIONS, "decisions")
"""The order a file's parts are written in: its source, then its sections, as the queries expect."""


def parse_records(raw: RawFile) -> ParsedFile:
    """A whole file's data (`raw.data`, read by `read_file`) checked against the model."""
    parsed = ParsedFile(raw=raw)
    if not raw.problems:
        for each in parse_items(raw, data_items(raw)):
            if isinstance(each, Source):
                parsed.source = each
            elif isinstance(each, ParsedRecord):
                parsed.records.append(each)
            else:
                parsed.decisions.append(each)
    parsed.problems = list(raw.problems)
    return parsed


def parse_items(raw: RawFile, items: Iterable[Item]) -> Iterator[Parsed]:
    """Each top-level value or section item checked against the model, as it is read; problems go to
    `raw.problems`."""
    unknown: set[str] = set()
    for item in items:
        key, data = item.key, item.data
        if key not in TOP_LEVEL_KEYS:
            if key not in unknown:
                unknown.add(key)
                message = f"unknown section '{key}'; sections are {', '.join(TOP_LEVEL_KEYS)}"
                raw.problems.append(Problem(raw.location(field=key), message))
            continue
        if key == "source":
            if data is not None:
                try:
                    yield Source.model_validate(data)
                except ValidationError as exc:
                    raw.problems.extend(_problems(exc, raw, "source", None, "source"))
            continue
        if item.index is None:
            if data is not None and not isinstance(data, list):
                noun = "a list" if key == "decisions" else "a list of records"
                message = f"'{key}' must be {noun}, got {type(data).__name__}"
                raw.problems.append(Problem(raw.location(field=key), message))
            continue
        index = item.index
        if key == "decisions":
            label = f"decisions[{index}]"
            if not isinstance(data, dict):
                where = raw.location("decisions", index, record=label)
                raw.problems.append(Problem(where, f"a decision is a mapping, got {data!r}"))
                continue
            try:
                yield index, Decision.model_validate(data)
            except ValidationError as exc:
                raw.problems.extend(_problems(exc, raw, "decisions", index, label))
            continue
        label = record_label(key, index, data)
        if not isinstance(data, dict):
            where = raw.location(key, index, record=label)
            raw.problems.append(Problem(where, f"a record is a mapping of fields, got {_shown(data)}"))
            continue
        try:
            yield ParsedRecord(key, index, SECTIONS[key].validate_python(data))
        except ValidationError as exc:
            raw.problems.extend(_problems(exc, raw, key, index, label, data.get("kind")))


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
