"""Whatever a client sends to /graphql, it gets a JSON error it can read (GraphQL-shaped, with a code and,
where an argument is at fault, its path), never an HTTP 500 or a traceback: a body that is not UTF-8, not a
JSON object, nested 100,000 deep, too large; strings and lists longer than the limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.settings import Settings
from tests.api.conftest import LiveServer
from tests.conftest import gql, serve

SEARCH = "query ($t: String!) { search(text: $t) { id } }"
JSON = {"content-type": "application/json"}
DEEP = "[" * 100_000 + "]" * 100_000


def refused(response: httpx.Response, status: int = 400, code: str = "BAD_USER_INPUT") -> dict[str, Any]:
    """The one error of a refused request, after checking its shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert "Traceback" not in response.text
    body = response.json()
    assert set(body) == {"errors"}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == code
    assert error["message"]
    result: dict[str, Any] = error
    return result


async def test_a_body_that_is_not_utf8_is_refused(api: httpx.AsyncClient) -> None:
    body = b'\xff\xfe{"query": "{ serverInfo { version } }"}'
    error = refused(await api.post("/graphql", content=body, headers=JSON))
    assert "not UTF-8" in error["message"]


@pytest.mark.parametrize(("body", "kind"), [(b'"hello"', "string"), (b"[1, 2]", "array"), (b"42", "number")])
async def test_a_body_that_is_not_a_json_object_is_refused(
    api: httpx.AsyncClient, body: bytes, kind: str
) -> None:
    error = refused(await api.post("/graphql", content=body, headers=JSON))
    assert f"got a JSON {kind}" in error["message"]


async def test_a_body_that_is_not_json_is_refused(api: httpx.AsyncClient) -> None:
    error = refused(await api.post("/graphql", content=b'{"query": ', headers=JSON))
    assert "not JSON" in error["message"]


async def test_variables_nested_100000_deep_are_refused(api: httpx.AsyncClient) -> None:
    body = '{"query": "query ($t: String!) { search(text: $t) { id } }", "variables": {"t": ' + DEEP + "}}"
    error = refused(await api.post("/graphql", content=body.encode(), headers=JSON))
    assert "nests too deeply" in error["message"]


async def test_variables_nested_past_the_limit_name_the_variable(api: httpx.AsyncClient) -> None:
    nested: Any = "x"
    for _ in range(25):
        nested = {"a": nested}
    response = await api.post("/graphql", json={"query": SEARCH, "variables": {"t": nested}})
    error = refused(response)
    assert error["extensions"]["argument"].startswith("t.a.a.a")
    assert "more than 20" in error["message"]


async def test_variables_that_are_not_an_object_are_refused(api: httpx.AsyncClient) -> None:
    response = await api.post("/graphql", json={"query": SEARCH, "variables": "t=Minsk"})
    assert refused(response)["extensions"]["argument"] == "variables"


async def test_a_query_that_is_not_a_string_is_refused(api: httpx.AsyncClient) -> None:
    refused(await api.post("/graphql", json={"query": ["{ serverInfo { version } }"]}))


async def test_a_body_without_a_query_is_refused(api: httpx.AsyncClient) -> None:
    assert "no `query`" in refused(await api.post("/graphql", json={"variables": {}}))["message"]


async def test_a_long_string_variable_is_refused_naming_it(api: httpx.AsyncClient) -> None:
    error = refused(await api.post("/graphql", json={"query": SEARCH, "variables": {"t": "a" * 20_001}}))
    assert error["extensions"]["argument"] == "t"
    assert "20,001 characters" in error["message"] and "at most 20,000" in error["message"]


async def test_a_long_string_inside_an_input_variable_names_its_path(api: httpx.AsyncClient) -> None:
    mutation = "mutation ($input: EventInput!) { upsertEvent(input: $input) { id } }"
    event = {"evidence": [{"quote": "fine", "source": "x"}, {"quote": "q" * 30_000, "source": "x"}]}
    error = refused(await api.post("/graphql", json={"query": mutation, "variables": {"input": event}}))
    assert error["extensions"]["argument"] == "input.evidence[1].quote"


async def test_a_long_list_variable_is_refused_naming_it(api: httpx.AsyncClient) -> None:
    query = 'query ($k: [String!]) { search(text: "Minsk", kinds: $k) { id } }'
    error = refused(await api.post("/graphql", json={"query": query, "variables": {"k": ["Actor"] * 1001}}))
    assert error["extensions"]["argument"] == "k"
    assert "1,001 items" in error["message"]


async def test_a_long_string_written_in_the_query_names_the_argument(api: httpx.AsyncClient) -> None:
    body = await gql(api, '{ search(text: "' + "a" * 20_001 + '") { id } }')
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "text"}


async def test_a_long_string_inside_an_input_literal_names_its_path(api: httpx.AsyncClient) -> None:
    summary = "s" * 20_001
    body = await gql(api, 'mutation { upsertEvent(input: {summary: "' + summary + '"}) { id } }')
    arguments = [error["extensions"].get("argument") for error in body["errors"]]
    assert "input.summary" in arguments, body["errors"]


async def test_deep_variables_in_a_get_request_are_refused(api: httpx.AsyncClient) -> None:
    params = {"query": SEARCH, "variables": json.dumps({"t": json.loads("[" * 500 + "]" * 500)})}
    assert "nests" in refused(await api.get("/graphql", params=params))["message"]
    params = {"query": SEARCH, "variables": '{"t": ' + "[" * 5000 + "]" * 5000 + "}"}
    assert "nests too deeply" in refused(await api.get("/graphql", params=params))["message"]


async def test_a_get_request_within_the_limits_still_works(api: httpx.AsyncClient) -> None:
    response = await api.get("/graphql", params={"query": "{ serverInfo { version } }"})
    assert response.json()["data"]["serverInfo"]["version"]


async def test_a_body_larger_than_the_limit_is_refused(store: object, settings: Settings) -> None:
    small = settings.model_copy(update={"max_request_bytes": 2048})
    async for client in serve(create_app(small)):
        response = await client.post("/graphql", json={"query": SEARCH, "variables": {"t": "a" * 3000}})
        fits = await gql(client, "{ serverInfo { version } }")
    error = refused(response, status=413, code="REQUEST_TOO_LARGE")
    assert "2,048 bytes" in error["message"]
    assert fits["data"]["serverInfo"]["version"]


async def test_limits_come_from_settings(store: object, settings: Settings) -> None:
    strict = settings.model_copy(update={"max_string_length": 5, "max_list_length": 2})
    async for client in serve(create_app(strict)):
        string = await gql(client, SEARCH, t="Minsk!")
        literal = await gql(client, '{ search(text: "x", kinds: ["Actor", "Event", "Source"]) { id } }')
    assert string["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "t"}
    assert literal["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "kinds"}


# The same through a real uvicorn: what the ASGI server does with a body read only in part, and with one
# sent in chunks without a Content-Length.


async def _chunks(size: int) -> AsyncIterator[bytes]:
    yield b'{"query": "query ($t: String!) { search(text: $t) { id } }", "variables": {"t": "'
    for _ in range(size // 65536):
        yield b"a" * 65536
    yield b'"}}'


async def test_uvicorn_answers_bad_bodies_with_json_errors(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as client:
        refused(await client.post("/graphql", content=b"\xff\xfe\x00{", headers=JSON))
        refused(await client.post("/graphql", content=b'"hello"', headers=JSON))
        deep = '{"query": "{ serverInfo { version } }", "variables": {"t": ' + DEEP + "}}"
        refused(await client.post("/graphql", content=deep.encode(), headers=JSON))
        chunked = await client.post("/graphql", content=_chunks(2_000_000), headers=JSON)
        refused(chunked, 413, "REQUEST_TOO_LARGE")
        sized = await client.post("/graphql", content=b"{" + b" " * 2_000_000 + b"}", headers=JSON)
        refused(sized, 413, "REQUEST_TOO_LARGE")
        # The server still answers on the same client afterwards.
        fine = await client.post("/graphql", json={"query": "{ serverInfo { version } }"})
        assert fine.json()["data"]["serverInfo"]["version"]
