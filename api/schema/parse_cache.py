"""Each document parsed once per process: front-ends and dashboards send the same few query texts over and
over, and lexing and parsing one costs about as much CPU as completing a small answer.

Strawberry's own ParserCache parses inside its extension hook, where a syntax error or the token limit's
error escapes the error handling that gives them their codes (api.schema.errors); this cache only hands
out documents that parsed, and otherwise leaves the parsing, and its errors, to Strawberry as before. The
key holds the parse options (the token limit), so a document is never reused under other limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension


class ParsedDocuments:
    """The documents parsed so far, by query text and parse options; the oldest go past `maxsize`."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.documents: dict[tuple[str, tuple[tuple[str, Any], ...]], DocumentNode] = {}


class ParsedOnce(SchemaExtension):
    def __init__(self, parsed: ParsedDocuments) -> None:
        self.parsed = parsed

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        key = None
        if context.query is not None and context.graphql_document is None:
            key = (context.query, tuple(sorted(context.parse_options.items())))
            found = self.parsed.documents.get(key)
            if found is not None:
                context.graphql_document = found
                key = None
        yield
        document = context.graphql_document
        if key is not None and document is not None:
            documents = self.parsed.documents
            documents[key] = document
            while len(documents) > self.parsed.maxsize:
                del documents[next(iter(documents))]
