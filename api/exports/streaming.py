"""Turning many small pieces of text into a few large chunks of an HTTP response."""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator
from typing import Any

CHUNK_SIZE = 64 * 1024


async def chunked(pieces: AsyncIterable[str], size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
    """UTF-8 chunks of about `size` bytes, so a large export is not sent one row per write."""
    buffer: list[str] = []
    length = 0
    async for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer).encode()
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer).encode()


async def started(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """`chunks` with the first one already read: the query has run up to its first rows, so a Neo4j that
    is down or a query stopped at its timeout is an error response (503, 504 with a JSON body), not an
    HTTP 200 whose body breaks off. Once streaming has begun, nothing can change the status any more."""
    first = await anext(chunks, None)

    async def rest() -> AsyncIterator[bytes]:
        if first is not None:
            yield first
        async for chunk in chunks:
            yield chunk

    return rest()


def compact(value: Any) -> str:
    """Strict JSON: the store already reads Infinity and NaN as null (graph/values.py), and a number that
    would still print as one is an error here rather than a file no JSON parser opens."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


async def json_array_items(items: AsyncIterable[Any]) -> AsyncIterator[str]:
    """The comma-separated JSON of each item, to go between a `[` and a `]`."""
    separator = ""
    async for item in items:
        yield separator + compact(item)
        separator = ","
