"""An analyst's answers are the same whether the API completes plain objects in one go (the fast path,
api/schema/fast_completion.py) or field by field as graphql-core does: a battery of queries (the GraphiQL
examples, the README's fields, pages with aliases, fragments, `__typename`, nested participants, places and
reports, empty pages, nulls, conditional selections and errors) is asked of both, on the seeded graph, and
the whole responses (status, data, errors, extensions) must be equal. Selections the fast path does not take
(a field that awaits or takes arguments, a value it cannot complete) are completed the normal way."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

import httpx
import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

import api.app
from api.app import create_app
from api.graphiql import examples
from api.schema.direct import resolve_directly
from api.schema.fast_completion import FastCompletion
from api.schema.root import build_schema
from benchmarks.peer_benchmark import OUR_ACTOR, OUR_FLAGSHIP, OUR_PAGE, OUR_SEARCH
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import serve

LUKASHENKA = "person:alexander-lukashenka"
VISIT = "event:2023-04-26-golovchenko-novosibirsk-visit"

EVENT_FIELDS = """
fragment eventFields on Event {
  __typename id kind title summary content startDate endDate datePrecision
  sourceCount firstReported lastChanged
  money { amount currency usd usdRate usdRateDate }
  participants { role actor { __typename id name kind aliases wikidataId orgKind isoCode subjectKind
                              location { lat lon } } }
  places { id name isoCode location { lat lon } }
  about { id name kind }
  agreements { id kind title status startDate endDate value { amount currency usd } }
  evidence { quote start end
             source { id title section publisher url periodStart periodEnd language statusLabel } }
}"""

QUERIES: dict[str, tuple[str, dict[str, Any]]] = {
    **{f"example {example.name}": (example.query, {}) for example in examples()},
    "peer page": (OUR_PAGE, {}),
    "peer actor page": (OUR_ACTOR, {"id": LUKASHENKA}),
    "peer search": (OUR_SEARCH, {"text": "Golovchenko"}),
    "peer flagship": (OUR_FLAGSHIP, {}),
    "every plain field of a page, through a fragment": (
        "query { events(first: 30) { totalCount"
        " pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
        " edges { cursor node { ...eventFields } } } }" + EVENT_FIELDS,
        {},
    ),
    "aliases, inline fragments and __typename": (
        """query Pages($kinds: [EventKind!]) {
          __typename
          first: events(first: 3, kinds: $kinds) {
            __typename
            edges { n: node { __typename ... on Event { eventId: id what: kind title } } }
            info: pageInfo { next: hasNextPage end: endCursor }
          }
          last: events(last: 2, orderBy: {field: TITLE, direction: DESC}) {
            edges { node { id t: title title places { n: name, name } } }
          }
        }""",
        {"kinds": ["VISIT", "MEETING"]},
    ),
    "the same field twice, merged": (
        "{ events(first: 4) { edges { node { id participants { role } participants { actor { id } } } } }"
        " events(first: 4) { edges { node { title } } } }",
        {},
    ),
    "conditional selections": (
        """query ($yes: Boolean!, $no: Boolean!) { events(first: 5) { edges { node {
          id title @include(if: $yes) summary @skip(if: $yes) kind @include(if: $no)
          ... on Event @skip(if: $no) { startDate places { name } }
        } } } }""",
        {"yes": True, "no": False},
    ),
    "an empty page": (
        '{ events(from: "2100-01-01") { totalCount edges { node { id } } '
        "pageInfo { hasNextPage startCursor } } }",
        {},
    ),
    "an event with its trip, legs, links and reports (resolvers below plain objects)": (
        """query ($id: ID!) { event(id: $id) { ...eventFields
          trip { id title legs { id title places { name } } }
          links { kind direction label event { id title } sources { id title } }
          reports { id loadedAt retractedAt source { id } quotes { quote }
                    participants { role actor { id } } }
          disputes { field values { value sources { id } } }
        } }"""
        + EVENT_FIELDS,
        {"id": VISIT},
    ),
    "an actor with its offices, agreements and events": (
        """query ($id: ID!) { actor(id: $id) { id name kind parent { id } country { id name }
          offices { id title startDate endDate person { id } of { id name } evidence { quote } }
          agreements { id title value { amount currency } parties { side actor { id name } } }
          latest: events(first: 3, orderBy: {field: DATE, direction: DESC}) {
            totalCount edges { node { id title places { name } } } }
          visits: events(first: 2, kinds: [VISIT]) { edges { cursor node { id } } }
        } }""",
        {"id": LUKASHENKA},
    ),
    "places, actors, agreements, sources": (
        """{ places(first: 10, country: "RU") { edges { node { id name kind isoCode subjectKind
               location { lat lon } parent { name } } } }
             actors(first: 10, kinds: [PERSON]) { totalCount edges { node { id name aliases wikidataId } } }
             agreements(first: 5, orderBy: {field: VALUE, direction: DESC}) { edges { node {
               id kind title status startDate value { amount currency usd usdRate usdRateDate }
               parties { side actor { name } } producedBy { id } } } }
             sources(first: 5) { edges { node { id title section publisher url periodStart periodEnd language
               statusLabel } } } }""",
        {},
    ),
    "a timeline and a filtered page with a guessed place": (
        """{ timeline(actor: "Lukashenko", from: "2023-01-01") { id title startDate places { name } }
             events(place: "Moscow", first: 3) { totalCount edges { node { id title } } } }""",
        {},
    ),
    "a flagship with every field": (
        """{ regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
          region { __typename id name isoCode subjectKind }
          events { totalCount pageInfo { hasNextPage endCursor }
            edges { cursor node { id kind title startDate endDate participants { role actor { name } } } } }
          contractValue { amount currency usd } contractValues { amount currency } through eventsAbout } }""",
        {},
    ),
    "a name that names nothing": ('{ events(actor: "Nobody Anybody") { edges { node { id } } } }', {}),
    "an event that does not exist, beside one that does": (
        '{ missing: event(id: "event:none") { id title } found: event(id: "' + VISIT + '") { id title } }',
        {},
    ),
    "a page too large": ("{ events(first: 5000) { edges { node { id } } } }", {}),
    "a field that does not exist": ("{ events(first: 1) { edges { node { id colour } } } }", {}),
    "a variable of the wrong type": (
        "query ($kinds: [EventKind!]) { events(kinds: $kinds) { totalCount } }",
        {"kinds": ["PICNIC"]},
    ),
    "too deep": (
        '{ event(id: "' + VISIT + '") { trip { trip { trip { trip { trip { trip { trip { trip { trip '
        "{ trip { id } } } } } } } } } } } }",
        {},
    ),
}


def patient(settings: Settings) -> Settings:
    """The test settings, with time for a cold Neo4j on a busy machine to plan a query (seconds)."""
    return settings.model_copy(update={"query_timeout": 120.0})


class Recording(FastCompletion):
    """The fast executor, keeping each request's executor to see what it completed fast."""

    runs: ClassVar[list[FastCompletion]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        Recording.runs.append(self)


@contextmanager
def executing_with(executor: type, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Apps created in the block run GraphQL with `executor` as their execution context."""

    def schema_with(settings: Settings) -> strawberry.Schema:
        schema = build_schema(settings)
        schema.execution_context_class = executor
        return schema

    with monkeypatch.context() as patch:
        patch.setattr(api.app, "build_schema", schema_with)
        yield


@pytest.fixture
async def both(
    seeded_store: GraphStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """A client of the API completing fast, and one of the API completing field by field."""
    with executing_with(Recording, monkeypatch):
        fast_app = create_app(patient(settings))
    with executing_with(StrawberryGraphQLCoreExecutionContext, monkeypatch):
        normal_app = create_app(patient(settings))
    async for fast in serve(fast_app):
        async for normal in serve(normal_app):
            yield fast, normal


async def answer(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    return {"status": response.status_code, **response.json()}


@pytest.mark.parametrize("name", list(QUERIES))
async def test_the_fast_path_answers_exactly_as_graphql_core(
    both: tuple[httpx.AsyncClient, httpx.AsyncClient], name: str
) -> None:
    fast, normal = both
    query, variables = QUERIES[name]
    Recording.runs.clear()
    fast_answer = await answer(fast, query, variables)
    normal_answer = await answer(normal, query, variables)
    assert fast_answer == normal_answer
    assert len(Recording.runs) <= 1


async def test_a_page_of_plain_fields_is_completed_fast_and_an_awaiting_field_falls_back(
    both: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    fast, _ = both
    Recording.runs.clear()
    page = await answer(fast, OUR_PAGE, {})
    [run] = Recording.runs
    assert len(page["data"]["events"]["edges"]) > 10
    assert (run.completed_fast, run.given_up) == (1, 0)  # the connection, and all below it, in one go

    # `trip` awaits: the connection and each event are completed field by field, and what their resolvers
    # return is plain again (each trip, each place), completed fast.
    Recording.runs.clear()
    query = "{ events(first: 20, kinds: [VISIT]) { edges { node { id trip { id } places { name } } } } }"
    trips = await answer(fast, query, {})
    [run] = Recording.runs
    assert "errors" not in trips
    nodes = [edge["node"] for edge in trips["data"]["events"]["edges"]]
    plain = sum(node["trip"] is not None for node in nodes) + sum(len(node["places"]) for node in nodes)
    assert any(node["trip"] for node in nodes) and plain > 0
    assert (run.completed_fast, run.given_up) == (plain, 0)


@strawberry.type
class Item:
    name: str
    count: int
    note: str | None = None


@strawberry.type
class Shelf:
    @strawberry.field
    def items(self) -> list[Item]:
        return [Item(name="a", count=1), Item(name=None, count=2)]  # type: ignore[arg-type]

    @strawberry.field
    def odd(self) -> list[Item | None]:
        return [Item(name="a", count=1), Item(name="c", count="many")]  # type: ignore[arg-type]

    @strawberry.field
    def fine(self) -> list[Item]:
        return [Item(name="a", count=1, note="n"), Item(name="b", count=2)]


@strawberry.type
class ShelfQuery:
    @strawberry.field
    def shelf(self) -> Shelf | None:
        return Shelf()


def shelf_schema(executor: type) -> strawberry.Schema:
    schema = strawberry.Schema(query=ShelfQuery, execution_context_class=executor)
    resolve_directly(schema)
    return schema


@pytest.mark.parametrize(
    ("query", "data", "paths"),
    [
        (
            "{ shelf { items { name count note } fine { name } } }",
            {"shelf": None},
            [["shelf", "items", 1, "name"]],
        ),
        (
            "{ shelf { odd { name count } fine { name } } }",
            {"shelf": {"odd": [{"name": "a", "count": 1}, None], "fine": [{"name": "a"}, {"name": "b"}]}},
            [["shelf", "odd", 1, "count"]],
        ),
    ],
)
async def test_a_value_the_fast_path_cannot_complete_gets_graphql_cores_errors(
    query: str, data: dict[str, Any], paths: list[list[Any]]
) -> None:
    """A null for a non-null field, a value that is no Int: the fast path gives the object up, and the
    answer (nulls in their places, the errors with their paths) is graphql-core's own."""
    Recording.runs.clear()
    fast = await shelf_schema(Recording).execute(query)
    normal = await shelf_schema(StrawberryGraphQLCoreExecutionContext).execute(query)
    assert fast.data == normal.data == data
    errors = [(e.message, e.path) for e in fast.errors or []]
    assert errors == [(e.message, e.path) for e in normal.errors or []]
    assert [path for _, path in errors] == paths
    [run] = Recording.runs
    assert run.given_up >= 1


async def test_plain_objects_are_completed_in_one_go() -> None:
    Recording.runs.clear()
    fine = await shelf_schema(Recording).execute("{ shelf { fine { name count note } } }")
    items = [{"name": "a", "count": 1, "note": "n"}, {"name": "b", "count": 2, "note": None}]
    assert fine.data == {"shelf": {"fine": items}}
    [run] = Recording.runs
    assert (run.completed_fast, run.given_up) == (1, 0)
