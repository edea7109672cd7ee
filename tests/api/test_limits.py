"""Production switches: abusive queries are refused with a code, introspection and GraphiQL can be
turned off, and no stack trace ever reaches a client."""

from __future__ import annotations

import httpx

from api.app import create_app
from graph.settings import Settings
from tests.conftest import gql, serve


async def test_a_query_deeper_than_the_limit_is_refused(api: httpx.AsyncClient) -> None:
    deep = '{ actor(id: "x") ' + "{ parent " * 10 + "{ id }" + " }" * 10 + " }"
    body = await gql(api, deep)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "depth" in body["errors"][0]["message"]


async def test_too_many_aliases_are_refused(api: httpx.AsyncClient) -> None:
    aliased = "{ " + " ".join(f"a{i}: serverInfo {{ version }}" for i in range(16)) + " }"
    body = await gql(api, aliased)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "aliases" in body["errors"][0]["message"]


async def test_too_many_tokens_are_refused(api: httpx.AsyncClient) -> None:
    long = "{ serverInfo { " + " ".join(["version"] * 2100) + " } }"
    body = await gql(api, long)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "token" in body["errors"][0]["message"].lower()


async def test_limits_come_from_settings(settings: Settings) -> None:
    strict = settings.model_copy(update={"max_depth": 2})
    async for client in serve(create_app(strict)):
        body = await gql(client, '{ actor(id: "x") { parent { parent { id } } } }')
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


async def test_introspection_and_graphiql_can_be_switched_off(settings: Settings) -> None:
    closed = settings.model_copy(update={"introspection": False, "graphiql": False})
    async for client in serve(create_app(closed)):
        body = await gql(client, "{ __schema { queryType { name } } }")
        page = await client.get("/graphql", headers={"accept": "text/html"})
        plain = await gql(client, "{ serverInfo { version } }")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert page.status_code in (404, 400, 405) or "GraphiQL" not in page.text
    assert plain["data"]["serverInfo"]["version"]


async def test_introspection_works_by_default(api: httpx.AsyncClient) -> None:
    body = await gql(api, "{ __schema { queryType { name } } }")
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_a_misspelt_field_is_a_validation_error_not_a_crash(api: httpx.AsyncClient) -> None:
    body = await gql(api, "{ serverInfo { versoin } }")
    error = body["errors"][0]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "Did you mean 'version'" in error["message"]
    assert "Traceback" not in str(body)


async def test_a_malformed_date_variable_is_bad_input_not_a_crash(api: httpx.AsyncClient) -> None:
    body = await gql(api, "query ($d: Date) { events(from: $d) { totalCount } }", d="2023-13-01")
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "$d" in error["message"]


async def test_a_cached_validation_never_crosses_schemas(settings: Settings) -> None:
    """Validation results are cached by document; the cache must not carry one schema's verdict to another."""
    document = '{ actor(id: "x") { parent { parent { id } } } }'
    strict = settings.model_copy(update={"max_depth": 2})
    async for client in serve(create_app(strict)):
        refused = [await gql(client, document) for _ in range(2)]
    async for client in serve(create_app(settings)):
        allowed = await gql(client, document)
    assert [body["errors"][0]["extensions"]["code"] for body in refused] == ["QUERY_TOO_COMPLEX"] * 2
    assert allowed["errors"][0]["extensions"]["code"] == "NOT_FOUND"
