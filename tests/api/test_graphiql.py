"""An analyst opens GraphiQL on a machine with no internet, finds the example queries as tabs, runs them."""

from __future__ import annotations

import json
import re

import httpx
from playwright.async_api import expect

from api.app import create_app
from api.graphiql import EXAMPLES_DIR, GraphiQLRouter, examples
from api.schema.root import build_schema
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.conftest import LiveServer, Watched
from tests.conftest import REPO, gql, serve

FLAGSHIP = (
    'query { regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") '
    "{ region { id name isoCode } contractValue { amount currency } "
    "events { totalCount pageInfo { hasNextPage endCursor } "
    "edges { node { id kind title startDate endDate } } } } }"
)
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def tokens(query: str) -> str:
    """The query without comments, its whitespace collapsed."""
    without_comments = re.sub(r"#[^\n]*", "", query)
    return re.sub(r"\s+", " ", re.sub(r"\s*([{}()])\s*", r" \1 ", without_comments)).strip()


def test_the_examples_are_the_flagship_a_timeline_a_search_a_path_reports_and_stats() -> None:
    found = examples()
    names = ["flagship", "timeline", "search", "path", "reports", "latest_events", "stats"]
    assert [example.name for example in found] == names
    assert tokens(found[0].query) == tokens(FLAGSHIP)
    assert "timeline(" in found[1].query
    assert "search(" in found[2].query
    assert "connections(" in found[3].query
    assert "reports {" in found[4].query and "changes(" in found[4].query
    assert "orderBy:" in found[5].query and "DESC" in found[5].query
    assert "eventStats(groupBy: [MONTH, KIND]" in found[6].query and "agreementStats(" in found[6].query


def test_the_readme_shows_the_same_example_queries() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Example queries\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```graphql\n(.*?)```", section, flags=re.DOTALL)
    assert [block.strip() for block in blocks] == [
        path.read_text(encoding="utf-8").strip() for path in sorted(EXAMPLES_DIR.glob("*.graphql"))
    ]


async def test_every_example_runs_without_errors_on_the_seed(seeded_api: httpx.AsyncClient) -> None:
    for example in examples():
        body = await gql(seeded_api, example.query)
        assert "errors" not in body, (example.name, body.get("errors"))
        assert all(body["data"].values()), f"{example.name} answers something on the seed"


async def test_a_browser_asking_for_graphql_gets_our_page_with_only_local_files(
    seeded_api: httpx.AsyncClient,
) -> None:
    response = await seeded_api.get("/graphql", headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    links = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert links, "the page loads GraphiQL's files"
    assert all(link.startswith(("/static/graphiql/", "data:")) for link in links), links
    assert "//" not in " ".join(links), "nothing from another host"
    data = re.search(r'<script id="kg-examples" type="application/json">(.*?)</script>', page, re.S)
    assert data is not None
    embedded = json.loads(data[1])
    assert [item["query"] for item in embedded] == [example.query for example in examples()]
    for link in links:
        if link.startswith("/static/"):
            assert (await seeded_api.get(link)).status_code == 200, link


async def test_graphiql_can_be_switched_off_while_queries_still_work(
    seeded_store: GraphStore, settings: Settings
) -> None:
    async for client in serve(create_app(settings.model_copy(update={"graphiql": False}))):
        response = await client.get("/graphql", headers=HTML)
        assert "kg-examples" not in response.text
        assert response.status_code >= 400
        body = await gql(client, "{ serverInfo { version } }")
        assert body["data"]["serverInfo"]["version"]


async def test_graphiql_opens_offline_with_the_examples_as_tabs_and_runs_the_flagship(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    await page.page.goto(f"{live_server.url}/graphql")
    tabs = page.page.locator(".graphiql-tab")
    await expect(tabs).to_have_count(len(examples()))
    await expect(page.page.locator(".graphiql-query-editor")).to_contain_text("regionEngagements")

    await page.page.locator(".graphiql-execute-button").click()
    result = page.page.locator(".graphiql-response")
    await expect(result).to_contain_text("Novosibirsk Oblast")
    await expect(result).to_contain_text("13000000")
    await page.screenshot("graphiql.png")

    assert page.errors == []
    assert page.foreign_requests(live_server.url) == []


async def test_answers_are_json_in_utf8_whatever_the_names(seeded_api: httpx.AsyncClient) -> None:
    """Answers are encoded by orjson (api.graphiql.GraphiQLRouter.encode_json): Cyrillic names travel as
    UTF-8, and the answer reads back as the same JSON."""
    response = await seeded_api.post(
        "/graphql", json={"query": '{ search(text: "Лукашенко", kinds: ["Actor"], first: 3) { id label } }'}
    )
    assert response.headers["content-type"].startswith("application/json")
    hits = json.loads(response.content.decode("utf-8"))["data"]["search"]
    assert hits and hits[0]["id"].startswith("person:")


def test_a_value_orjson_refuses_is_encoded_as_before() -> None:
    encoder = GraphiQLRouter(build_schema(Settings(env="test")))
    answer = {"data": {"n": 2**70, "name": "Лукашенко"}}
    assert encoder.encode_json(answer) == json.dumps(answer, separators=(",", ":")).encode()
    assert json.loads(encoder.encode_json({"data": {"name": "Лукашенко"}})) == {"data": {"name": "Лукашенко"}}
