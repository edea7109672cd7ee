"""Generated mutations with an analyst's write key, over a graph holding a digest and a few actors: every
answer is data or a coded client error, and a refused mutation leaves the graph exactly as it was."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from typing import Any

import httpx
import neo4j
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.load import load_paths
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.mutation_inputs import AS_WRITER, GOLOVCHENKO, SEED, UPSERT_ACTOR, UPSERT_EVENT, signing
from tests.fuzz.conftest import SENT, fuzz_settings, sound
from tests.fuzz.documents import SCHEMA, Request, mutations
from tests.fuzz.values import DATES, nasty_text, typed_value
from tests.graph_checksum import graph_checksum_sync

pytestmark = pytest.mark.usefixtures("still_up")
INPUTS = {name: SCHEMA.type_map[name] for name in ("EventInput", "ActorInput")}


@pytest.fixture
async def mutation_graph(store: GraphStore) -> AsyncIterator[GraphStore]:
    """The graph the mutation tests write to: the digest and the actors its events name."""
    await load_paths(store, [SEED], reference_dir=None)
    yield store


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value a field or an item sits, for the generator to put a bad value in."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    changed = copy.deepcopy(value)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return changed


@st.composite
def edited_inputs(draw: st.DrawFn) -> Request:
    """A valid upsert (the digest's contract signing, or an actor) with up to three values replaced by
    hostile ones of the same JSON type or of another, and often a date span from the calendar's ends."""
    query, value, type_name = draw(
        st.sampled_from([(UPSERT_EVENT, signing(), "EventInput"), (UPSERT_ACTOR, GOLOVCHENKO, "ActorInput")])
    )
    if type_name == "EventInput" and draw(st.booleans()):
        start, end = draw(st.lists(st.sampled_from(DATES[:6]), min_size=2, max_size=2))
        value = replaced(value, ("date",), {"start": start, "end": end})
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(paths(value)))
        new = draw(
            st.one_of(
                nasty_text,
                st.sampled_from([None, "", "9999-12-31", "1e400", "-1e400", "NaN", -1, 2**70, 1e308, [], {}]),
                st.sampled_from(
                    ["event:../../etc", "source:unknown", "Minsk", "country:BY", "region:RU-NVS"]
                ),
                typed_value(INPUTS[type_name]),  # a whole other input, well typed, in the wrong place
            )
        )
        value = replaced(value, path, new)
    return Request(query, {"input": value})


def refused(body: Any) -> bool:
    """Nothing was written: no body, or every mutation in the request answered null."""
    data = body.get("data") if isinstance(body, dict) else None
    return not data or all(value is None for value in data.values())


@fuzz_settings(max_examples=120)
@given(request=st.one_of(edited_inputs(), edited_inputs(), mutations()))
def test_any_mutation_is_written_whole_or_refused_leaving_the_graph_unchanged(
    mutation_graph: GraphStore,
    http: httpx.Client,
    neo4j_driver: neo4j.Driver,
    settings: Settings,
    request: Request,
) -> None:
    before = graph_checksum_sync(neo4j_driver, settings.neo4j_database)
    response = http.post("/graphql", json=request.body(), headers=AS_WRITER)
    body = sound(response, request, "graphql mutations")
    if refused(body):
        SENT["graphql mutations: refused"] += 1
        after = graph_checksum_sync(neo4j_driver, settings.neo4j_database)
        assert after == before, f"a refused mutation changed the graph: {request}\n{str(body)[:600]}"
