"""The project's own errors. Each carries where it happened and how the API should report it.

The API maps these once (GraphQL `extensions.code`, HTTP status); anything else is masked.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a bad value sits: a file, a record (index or id), a field; any may be unknown."""

    file: str | None = None
    record: str | int | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(f"{self.file}:{self.line}" if self.line else self.file)
        if self.record is not None:
            parts.append(f"record {self.record}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)


class KgError(Exception):
    """Base of every error this project raises on purpose."""

    code = "INTERNAL"
    http_status = 500

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ValidationFailed(KgError):
    """Bad input: a seed record, a CLI argument, a GraphQL argument."""

    code = "BAD_USER_INPUT"
    http_status = 400


class UnresolvedName(ValidationFailed):
    """A name argument that names no actor of the kinds asked for, or several: the API gives the client the
    `candidates` (id, name, kind) to choose from."""

    def __init__(
        self, message: str, *, location: Location | None = None, candidates: list[dict[str, str]]
    ) -> None:
        super().__init__(message, location=location)
        self.candidates = candidates


@dataclass
class Problem:
    """One thing wrong with one input value; many are collected before anything is written."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InvalidInput(ValidationFailed):
    """Several problems found in one pass over the input; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) found, nothing written:\n{lines}")


class NotFound(KgError):
    code = "NOT_FOUND"
    http_status = 404


class Unauthenticated(KgError):
    code = "UNAUTHENTICATED"
    http_status = 401


class Forbidden(KgError):
    code = "FORBIDDEN"
    http_status = 403


class Unavailable(KgError):
    """The database cannot be reached; the request may succeed later."""

    code = "UNAVAILABLE"
    http_status = 503


class QueryTimeout(KgError):
    """Neo4j stopped a query that ran longer than its transaction timeout (KG_QUERY_TIMEOUT and friends)."""

    code = "TIMEOUT"
    http_status = 504


class ServerSetupError(KgError):
    """The local Neo4j could not be provisioned or started (Java, Maven, ports, logs)."""

    code = "SERVER_SETUP"
