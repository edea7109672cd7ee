"""Whatever arrives at /graphql (any method, content type and body: invalid JSON and UTF-8, JSON that is
not an object, fields of the wrong type, variables nested deep or very large, documents nested deep or
aliased many times) gets a 4xx or a GraphQL answer, never a 5xx or a traceback."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.store import GraphStore
from tests.fuzz.conftest import fuzz_settings, sound
from tests.fuzz.values import LONG_STRINGS, NASTY_STRINGS, json_values, nasty_text

pytestmark = pytest.mark.usefixtures("still_up")

SMALL_QUERY = "query ($t: String!) { resolve(name: $t) { matched } }"
QUERIES = [
    SMALL_QUERY,
    "{ serverInfo { version } }",
    'mutation { deleteEvent(id: "event:x") { id } }',
    "subscription { x }",
    "query A { serverInfo { version } } query B { serverInfo { version } }",
    "{ __schema { types { name fields { name args { name } } } } }",
    "{",
    "",
    "#",
    'query ($a: Int = "x") { serverInfo { version } }',
    "fragment F on Query { ...F } { ...F }",
    "{ serverInfo { version @skip(if: true) @include(if: $nope) } }",
]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=latin-1",
    "application/graphql",
    "application/graphql-response+json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "multipart/form-data",
    "application/xml",
    "",
]


def nested(depth: int, leaf: str = "1") -> str:
    """JSON nested `depth` lists deep, built as text (json.dumps would hit the recursion limit)."""
    return "[" * depth + leaf + "]" * depth


def deep_document(depth: int) -> str:
    return '{ actor(id: "country:BY") ' + "{ parent " * depth + "{ id }" + " }" * depth + " }"


json_fields = st.fixed_dictionaries(
    {},
    optional={
        "query": st.one_of(st.sampled_from(QUERIES), nasty_text, json_values()),
        "variables": st.one_of(st.fixed_dictionaries({"t": nasty_text}), json_values()),
        "operationName": st.one_of(st.sampled_from(["A", "B", "", "__proto__"]), json_values()),
        "extensions": json_values(),
    },
)
deep_variables = st.integers(1, 200_000).map(
    lambda depth: f'{{"query": {json.dumps(SMALL_QUERY)}, "variables": {{"t": {nested(depth)}}}}}'
)
bodies = st.one_of(
    json_fields.map(lambda body: json.dumps(body).encode()),
    json_values().map(lambda body: json.dumps(body).encode()),  # a JSON string, list, number or null
    st.binary(max_size=200),  # anything at all, mostly invalid UTF-8 and invalid JSON
    st.sampled_from([b"\xff\xfe{}", b'{"query": "\xc3\x28"}', b"\xef\xbb\xbf{}", b'{"query": 1e400}']),
    st.sampled_from([b'{"query": NaN}', b'{"query": "{ serverInfo { version } }", "query": 1}', b"{}" * 3]),
    deep_variables.map(str.encode),
    st.integers(1, 100_000).map(lambda depth: nested(depth).encode()),  # the body itself nested deep
    st.integers(1, 5_000).map(lambda depth: json.dumps({"query": deep_document(depth)}).encode()),
    st.integers(1, 3_000).map(
        lambda n: json.dumps(
            {"query": "{ " + " ".join(f"a{i}: serverInfo {{ version }}" for i in range(n)) + " }"}
        ).encode()
    ),
    st.sampled_from(LONG_STRINGS).map(
        lambda text: json.dumps({"query": SMALL_QUERY, "variables": {"t": text}}).encode()
    ),
    st.integers(1, 8).map(
        lambda mb: json.dumps({"query": SMALL_QUERY, "variables": {"t": "x" * (mb << 20)}}).encode()
    ),
)


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    method = draw(
        st.sampled_from(["POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS"])
    )
    headers = {"content-type": draw(st.sampled_from(CONTENT_TYPES))}
    if draw(st.booleans()):
        headers["accept"] = draw(st.sampled_from(["application/json", "text/html", "*/*", "application/xml"]))
    if draw(st.integers(0, 4)) == 0:
        headers["authorization"] = draw(
            st.sampled_from(["Bearer", "Bearer x", "Basic eDp5", "Bearer " + "k" * 9000])
        )
    if method == "GET":
        short_text = st.one_of(st.sampled_from(NASTY_STRINGS), st.sampled_from(QUERIES), st.text(max_size=40))
        params = draw(st.dictionaries(st.sampled_from(["query", "variables", "operationName"]), short_text))
        return {"method": method, "url": "/graphql", "params": params, "headers": headers}
    return {"method": method, "url": "/graphql", "content": draw(bodies), "headers": headers}


@fuzz_settings(max_examples=250)
@given(request=requests())
def test_any_body_gets_a_client_error_or_an_answer(
    seeded_store: GraphStore, http: httpx.Client, request: dict[str, Any]
) -> None:
    response = http.request(**request)
    sound(response, request, "graphql bodies")
