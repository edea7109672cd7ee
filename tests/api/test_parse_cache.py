"""A dashboard sends the same document again and again: it is parsed once per process, and a document that
does not parse (a syntax error, too many tokens) is refused every time, as before
(api/schema/parse_cache.py)."""

from __future__ import annotations

from typing import Any

import pytest
import strawberry
import strawberry.schema.schema
from strawberry.extensions import MaxTokensLimiter

from api.schema.parse_cache import ParsedDocuments, ParsedOnce


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "you") -> str:
        return f"hello {name}"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The query texts Strawberry parses."""
    seen: list[str] = []
    parse = strawberry.schema.schema.parse

    def counted(source: Any, **options: Any) -> Any:
        seen.append(source)
        return parse(source, **options)

    monkeypatch.setattr(strawberry.schema.schema, "parse", counted)
    return seen


def schema(parsed: ParsedDocuments) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query, extensions=[lambda: MaxTokensLimiter(max_token_count=20), lambda: ParsedOnce(parsed)]
    )


async def test_a_document_is_parsed_once(parses: list[str]) -> None:
    api = schema(ParsedDocuments(maxsize=2))
    for name in ("a", "b", "c"):
        result = await api.execute("query ($n: String!) { hello(name: $n) }", variable_values={"n": name})
        assert result.data == {"hello": f"hello {name}"}
    assert len(parses) == 1


async def test_what_does_not_parse_is_refused_every_time(parses: list[str]) -> None:
    api = schema(ParsedDocuments(maxsize=2))
    for _ in range(2):
        broken = await api.execute("{ hello(name: ) }")
        assert broken.errors and "Syntax Error" in broken.errors[0].message
        long = await api.execute(" ".join(["{", *(f"a{i}: hello" for i in range(8)), "}"]))
        assert long.errors and "more than 20 tokens" in long.errors[0].message
    assert len(parses) == 4


async def test_the_oldest_documents_make_room(parses: list[str]) -> None:
    parsed = ParsedDocuments(maxsize=2)
    api = schema(parsed)
    for query in ("{ hello }", '{ hello(name: "a") }', '{ hello(name: "b") }', "{ hello }"):
        assert not (await api.execute(query)).errors
    assert len(parsed.documents) == 2
    assert len(parses) == 4
