"""Small helpers to hand-write YAML with comments (JSON strings are valid YAML scalars)."""

from __future__ import annotations

import json

from graph.ingest.candidates import DateSpan


def scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def date_value(span: DateSpan) -> str:
    if span.precision in {"day", "month", "year"}:
        return scalar(str(span))
    return f"{{start: {span.start.isoformat()}, end: {span.end.isoformat()}, precision: range}}"


def comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for line in text.splitlines() if line.strip()]
