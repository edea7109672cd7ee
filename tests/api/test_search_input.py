"""An analyst types whatever they like into search: Lucene's operators and punctuation are words or nothing,
never syntax, and a text with too many words is refused by name instead of crashing Neo4j. A name to
resolve is bounded too: none is longer than 500 characters."""

from __future__ import annotations

import httpx
import pytest

from api.app import create_app
from graph.settings import Settings
from tests.conftest import gql, serve

MINSK = "region:BY-HM"
"""Minsk city (ISO 3166-2 BY-HM), the first hit for "Minsk"."""
SEARCH = "query ($t: String!) { search(text: $t, first: 20) { id } }"


async def _ids(client: httpx.AsyncClient, text: str) -> list[str]:
    body = await gql(client, SEARCH, t=text)
    assert "errors" not in body, body
    return [hit["id"] for hit in body["data"]["search"]]


async def test_not_before_a_name_is_a_word_not_an_operator(seeded_api: httpx.AsyncClient) -> None:
    assert MINSK in await _ids(seeded_api, "Minsk")
    assert MINSK in await _ids(seeded_api, "NOT Minsk")


@pytest.mark.parametrize(
    "text",
    [
        "Minsk AND",
        "OR Minsk",
        "Minsk AND NOT",
        "+Minsk",
        "-Minsk",
        '"Minsk',
        "Minsk\\",
        "Minsk*",
        "Minsk~",
        "Minsk:",
        "(Minsk",
        "Minsk && || !",
        "Minsk [ { ^ / ?",
    ],
)
async def test_operators_and_punctuation_are_data(seeded_api: httpx.AsyncClient, text: str) -> None:
    assert MINSK in await _ids(seeded_api, text)


async def test_punctuation_alone_has_no_words_to_look_for(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(seeded_api, SEARCH, t='+ - " \\ * ~ : ( )')
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "text"}


async def test_the_maximum_number_of_words_is_searched(seeded_api: httpx.AsyncClient) -> None:
    """Sixteen long words, each also looked for fuzzily, stay under Lucene's clause limit."""
    words = "Minsk Novosibirsk contracts microelectronics Lukashenka Golovchenko regional integration "
    words += "agreement delegation governor cooperation machinery tractors visiting Moscow"
    assert len(words.split()) == 16
    assert await _ids(seeded_api, words)


async def test_too_many_words_are_refused_naming_the_argument(seeded_api: httpx.AsyncClient) -> None:
    text = " ".join(f"word{i}" for i in range(300))
    body = await gql(seeded_api, SEARCH, t=text)
    error = body["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "text"}
    assert "300 different words" in error["message"] and "at most 16" in error["message"]


async def test_a_repeated_word_counts_once(seeded_api: httpx.AsyncClient) -> None:
    assert MINSK in await _ids(seeded_api, " ".join(["Minsk"] * 100))


async def test_the_word_limit_is_a_setting(seeded_store: object, settings: Settings) -> None:
    strict = settings.model_copy(update={"max_search_terms": 2})
    async for client in serve(create_app(strict)):
        body = await gql(client, SEARCH, t="Minsk Moscow Novosibirsk")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "text"}


async def test_resolve_refuses_a_name_longer_than_any_name(seeded_api: httpx.AsyncClient) -> None:
    query = "query ($n: String!) { resolve(name: $n) { actor { id } } }"
    long = await gql(seeded_api, query, n="Lukashenko " * 50)
    assert long["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "name"}
    longest = await gql(seeded_api, query, n=("Lukashenko " * 50)[:500])
    assert "errors" not in longest


async def test_an_actor_argument_longer_than_any_name_is_refused(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(seeded_api, "query ($a: String!) { timeline(actor: $a) { title } }", a="x" * 501)
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "actor"}
