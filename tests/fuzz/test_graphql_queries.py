"""Generated GraphQL queries over the seeded graph, each root field in turn: every answer is data or a
coded client error, whatever the arguments hold."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given

from graph.store import GraphStore
from tests.fuzz.conftest import fuzz_settings, sound
from tests.fuzz.documents import SCHEMA, Request, queries

pytestmark = pytest.mark.usefixtures("still_up")
ROOT_FIELDS = sorted(SCHEMA.query_type.fields) if SCHEMA.query_type else []
# Fields that take free text and reach full-text indexes or name matching get more cases.
EXAMPLES = {"search": 60, "resolve": 40, "actor": 30, "events": 30, "connections": 30, "neighborhood": 30}


@pytest.mark.parametrize("field", ROOT_FIELDS)
def test_any_query_gets_data_or_a_coded_error(
    seeded_store: GraphStore, http: httpx.Client, field: str
) -> None:
    @fuzz_settings(max_examples=EXAMPLES.get(field, 20))
    @given(request=queries([field]))
    def answers_soundly(request: Request) -> None:
        response = http.post("/graphql", json=request.body())
        sound(response, request, "graphql queries")

    answers_soundly()
