"""What every export answers: a streamed file, and the error bodies its OpenAPI documents."""

from __future__ import annotations

from collections.abc import AsyncIterable

from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from api.exports.streaming import chunked, started

CSV = "text/csv; charset=utf-8"
GEOJSON = "application/geo+json"


async def streamed(
    pieces: AsyncIterable[str], media_type: str, filename: str | None = None
) -> StreamingResponse:
    """The pieces as a chunked response, its first chunk read before the status is sent (see `started`)."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'} if filename else None
    return StreamingResponse(await started(chunked(pieces)), media_type=media_type, headers=headers)


class ExportError(BaseModel):
    """What an export answers instead of data (the app's KgError handler writes it)."""

    code: str
    detail: str
    argument: str | None = None


ERRORS: dict[int | str, dict[str, object]] = {
    400: {
        "model": ExportError,
        "description": "A filter is malformed, unknown or ambiguous; `argument` names it",
    },
    503: {"model": ExportError, "description": "Neo4j does not answer (`UNAVAILABLE`); retry later"},
    504: {"model": ExportError, "description": "The export ran past KG_EXPORT_TIMEOUT (`TIMEOUT`)"},
}


def content(media_type: str, description: str) -> dict[int | str, dict[str, object]]:
    """The OpenAPI `responses` of an export: its 200 as `media_type`, and the errors."""
    return {200: {"description": description, "content": {media_type: {}}}, **ERRORS}
