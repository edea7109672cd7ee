"""The boundary sweep: every argument of every root field takes, in turn, each boundary value of its type
(very long strings, hundreds of search words, Lucene and Cypher syntax, NUL, the calendar's ends, 32-bit
limits), the other arguments plain. Deterministic, so the known dangerous classes are always covered;
the generated tests (test_graphql_queries.py) look for combinations."""

from __future__ import annotations

import graphql
import httpx
import pytest

from graph.store import GraphStore
from tests.fuzz.conftest import sound
from tests.fuzz.documents import SCHEMA
from tests.fuzz.values import plain_value, sweep_values

pytestmark = pytest.mark.usefixtures("still_up")
ROOT = SCHEMA.query_type
ROOT_FIELDS = sorted(ROOT.fields) if ROOT else []


@pytest.mark.parametrize("field", ROOT_FIELDS)
def test_every_argument_at_its_boundaries_gets_data_or_a_coded_error(
    seeded_store: GraphStore, http: httpx.Client, field: str
) -> None:
    assert ROOT is not None
    arguments = ROOT.fields[field].args
    declarations = ", ".join(f"${name}: {arg.type}" for name, arg in arguments.items())
    passed = ", ".join(f"{name}: ${name}" for name in arguments)
    selection = "" if ROOT.fields[field].type.__str__().endswith(("String!", "Int!")) else "{ __typename }"
    query = f"query Sweep({declarations}) {{ {field}({passed}) {selection} }}" if arguments else ""
    plain = {
        name: plain_value(arg.type) for name, arg in arguments.items() if graphql.is_non_null_type(arg.type)
    }
    unsound = []
    for name, arg in arguments.items():
        for value in sweep_values(arg.type):
            variables = {**plain, name: value}
            response = http.post("/graphql", json={"query": query, "variables": variables})
            try:
                sound(response, {"field": field, "argument": name, "value": value}, "graphql sweep")
            except AssertionError as failure:
                unsound.append(str(failure).split("\nassert")[0])
    assert not unsound, f"{len(unsound)} unsound answers:\n" + "\n\n".join(unsound[:5])
