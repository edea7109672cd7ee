"""Who is calling: an optional `Authorization: Bearer <key>` resolved against the hashed keys in settings."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from graph.api_keys import ApiKey, find_key
from graph.errors import Forbidden, Unauthenticated
from graph.settings import Settings


def caller_key(request: HTTPConnection, settings: Settings) -> ApiKey | None:
    """The key presented with the request, or None when there is none.

    A key that is presented but unknown is refused outright rather than treated as anonymous.
    """
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header must be 'Bearer <API key>'")
    key = find_key(settings.parsed_api_keys(), token.strip())
    if key is None:
        raise Unauthenticated("unknown API key")
    return key


def require_write(key: ApiKey | None) -> ApiKey:
    if key is None:
        raise Unauthenticated("this operation needs an API key with the write role (Bearer ...)")
    if key.role != "write":
        raise Forbidden(f"the API key '{key.name}' is read-only; this operation needs the write role")
    return key
