"""The GraphQL endpoint's front door: every request is read, decoded and parsed here once, within limits,
before Strawberry sees it.

Refused with a GraphQL-shaped JSON error and no traceback:
- a body larger than KG_MAX_REQUEST_BYTES (413, REQUEST_TOO_LARGE), read no further than the limit;
- a body that is not UTF-8, not JSON, nested too deeply to parse, or not one JSON object with a string
  `query` and object `variables` (400, BAD_USER_INPUT);
- variables with a string, list or nesting over the limits of api.input_limits (400, BAD_USER_INPUT,
  `extensions.argument` naming the value: `input.summary`).
GET requests get the same checks on their `variables` and `extensions` parameters.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.input_limits import InputLimits, value_problem

JSON_OBJECTS = ("variables", "extensions")
"""Members of a request that must be JSON objects (or null)."""


class Refused(Exception):
    def __init__(
        self, message: str, *, status: int = 400, code: str = "BAD_USER_INPUT", argument: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.argument = argument

    def body(self) -> bytes:
        extensions: dict[str, object] = {"code": self.code}
        if self.argument:
            extensions["argument"] = self.argument
        return json.dumps({"errors": [{"message": self.message, "extensions": extensions}]}).encode()


class RequestGuard:
    """ASGI middleware for the GraphQL endpoint (`path`); other paths pass straight through."""

    def __init__(self, app: ASGIApp, *, path: str, max_bytes: int, limits: InputLimits) -> None:
        self.app = app
        self.path = path
        self.max_bytes = max_bytes
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        try:
            if scope["method"] == "POST":
                body = await self._body(scope, receive)
                if _is_json(scope):
                    request = _request_object(_parse(body, "the request body"))
                    if request.get("query") is None:
                        raise Refused('the request has no `query`: send {"query": "...", "variables": {...}}')
                    self._check(request)
                receive = _replay(body, receive)
            elif scope["method"] == "GET":
                self._check_query_string(scope.get("query_string", b""))
        except Refused as refused:
            await _refuse(send, refused)
            return
        await self.app(scope, receive, send)

    async def _body(self, scope: Scope, receive: Receive) -> bytes:
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large()
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _too_large(self) -> Refused:
        return Refused(
            f"the request is larger than {self.max_bytes:,} bytes", status=413, code="REQUEST_TOO_LARGE"
        )

    def _check(self, request: dict[str, Any]) -> None:
        query = request.get("query")
        if not isinstance(query, str | None):
            raise Refused("`query` must be a string holding the GraphQL document")
        if not isinstance(request.get("operationName"), str | None):
            raise Refused("`operationName` must be a string or null")
        for member in JSON_OBJECTS:
            value = request.get(member)
            if not isinstance(value, dict | None):
                raise Refused(f"`{member}` must be a JSON object (or null)", argument=member)
        for name, value in (request.get("variables") or {}).items():
            problem = value_problem(value, name, self.limits)
            if problem:
                raise Refused(problem.message, argument=problem.argument)
        problem = value_problem(request.get("extensions"), "extensions", self.limits)
        if problem:
            raise Refused(problem.message, argument=problem.argument)

    def _check_query_string(self, query_string: bytes) -> None:
        try:
            params = parse_qs(query_string.decode("utf-8"), errors="strict")
        except UnicodeDecodeError:
            raise Refused("the query string is not UTF-8") from None
        request: dict[str, Any] = {name: values[-1] for name, values in params.items()}
        for member in JSON_OBJECTS:
            if request.get(member):
                request[member] = _parse(request[member].encode(), f"`{member}`")
            else:
                request.pop(member, None)
        self._check(request)


def _parse(data: bytes, what: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"{what} is not UTF-8 text: byte {exc.start} is invalid") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(f"{what} is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise Refused(f"{what} nests too deeply to read") from None


def _request_object(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise Refused(
            'the request body must be one JSON object: {"query": "...", "variables": {...}} '
            f"(got a JSON {_json_type(payload)})"
        )
    return payload


def _json_type(value: Any) -> str:
    names = {str: "string", list: "array", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _is_json(scope: Scope) -> bool:
    return "json" in (_header(scope, b"content-type") or "").lower()


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the app the body already read, then whatever the client sends next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, refused: Refused) -> None:
    body = refused.body()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": refused.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
