"""One place that turns exceptions into GraphQL errors: ours keep their message and get a `code`,
anything unexpected is masked so no internals or stack traces reach a client."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from api.errors import client_message
from graph.errors import KgError, UnresolvedName

log = logging.getLogger("api.graphql")


LIMITS = {
    "depth": re.compile(r"exceeds maximum operation depth"),
    "aliases": re.compile(r"aliases found\. Allowed"),
    "tokens": re.compile(r"Document contains more than \d+ tokens"),
}


def to_client_error(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None:
        limit = next((name for name, pattern in LIMITS.items() if pattern.search(error.message)), None)
        if limit:
            return _with_code(error, error.message, {"code": "QUERY_TOO_COMPLEX", "limit": limit})
        code = "GRAPHQL_VALIDATION_FAILED" if error.path is None else "BAD_USER_INPUT"
        return _with_code(error, error.message, {"code": code, **(error.extensions or {})})
    if isinstance(original, KgError):
        extensions: dict[str, object] = {"code": original.code}
        if original.location and original.location.field:
            extensions["argument"] = original.location.field
        if isinstance(original, UnresolvedName) and original.candidates:
            extensions["candidates"] = original.candidates
        return _with_code(error, client_message(original), extensions)
    if error.path is None:
        # Raised before execution: a variable that does not coerce to its type (a bad Date or Decimal).
        # graphql-core's message names the variable and the path inside it.
        return _with_code(error, error.message, {"code": "BAD_USER_INPUT"})
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _with_code(error, "Unexpected error.", {"code": "INTERNAL_SERVER_ERROR"})


def _with_code(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [to_client_error(e) for e in errors]
