"""Events as CSV (RFC 4180, UTF-8, a header row); list fields join their values with '; '."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterable, AsyncIterator, Sequence
from typing import Any

from graph.read.exports import EVENT_COLUMNS

LIST_SEPARATOR = "; "


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


async def csv_rows(rows: AsyncIterable[dict[str, Any]]) -> AsyncIterator[str]:
    async for piece in table(EVENT_COLUMNS, rows):
        yield piece


async def table(columns: Sequence[str], rows: AsyncIterable[dict[str, Any]]) -> AsyncIterator[str]:
    """A header row of `columns`, then each row's values in that order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    async for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
        if buffer.tell() > 8192:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
