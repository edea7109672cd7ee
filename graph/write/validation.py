"""A record given to a mutation, checked with the loader's own models. Problems name the argument path as
the caller wrote it: `input.date`, `input.participants[0].actor` (camelCase, as GraphQL clients write)."""

from __future__ import annotations

from typing import TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from graph.errors import InvalidInput, Location, Problem

_T = TypeVar("_T")


def camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def path(prefix: str, *parts: int | str) -> str:
    """`prefix` followed by field names (camelCased) and list indexes: input.participants[0].actor."""
    text = prefix
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{camel(part)}"
    return text


def problem(field: str, message: str) -> Problem:
    return Problem(Location(field=field), message)


def invalid(problems: list[Problem]) -> InvalidInput:
    """One error listing every problem; its location is the first problem's, so the API names that field."""
    error = InvalidInput(problems)
    error.location = problems[0].location
    return error


def validate(adapter: TypeAdapter[_T], record: object, prefix: str, problems: list[Problem]) -> _T | None:
    """The model `record` makes; else None, and what stops it added to `problems` (fields under `prefix`)."""
    try:
        return adapter.validate_python(record)
    except ValidationError as exc:
        kind = record.get("kind") if isinstance(record, dict) else None
        problems.extend(_problem(error, prefix, kind) for error in exc.errors(include_url=False))
        return None


def _problem(error: ErrorDetails, prefix: str, kind: object) -> Problem:
    loc = list(error["loc"])
    if loc and isinstance(kind, str) and loc[0] == kind:
        loc = loc[1:]
    if error["type"] in ("union_tag_not_found", "union_tag_invalid"):
        loc = ["kind"]
    return problem(path(prefix, *loc), _message(error, kind))


def _message(error: ErrorDetails, kind: object) -> str:
    match error["type"]:
        case "missing":
            return "is required"
        case "extra_forbidden":
            return f"does not apply to a record of kind '{kind}'" if kind else "is not a known field"
        case "union_tag_not_found":
            return "is required: say which kind of record this is"
        case "union_tag_invalid":
            expected = (error.get("ctx") or {}).get("expected_tags", "")
            return f"'{kind}' is not a known kind (one of {expected})"
    message = error["msg"].removeprefix("Value error, ")
    value = error["input"]
    if error["type"] != "value_error" and isinstance(value, str | int | float) and len(repr(value)) <= 80:
        message += f" (got {value!r})"
    return message
