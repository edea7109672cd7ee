"""Neo4j goes away while the API runs: clients get UNAVAILABLE, /readyz and the exports say 503 (with a
JSON body, not an HTTP 200 cut short); when Neo4j is back the same API process answers again, without a
restart."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from api.app import create_app
from graph.neo4j_server import server
from graph.settings import LOCAL_DEV_PASSWORD, Settings
from tests.conftest import gql, serve

QUERY = "{ actors(kinds: [COUNTRY]) { totalCount } }"
EXPORTS = (
    "/export/graph.json",
    "/export/graph.gexf",
    "/export/places.geojson",
    "/export/events.csv",
    "/export/region-engagements.csv?actor=Minsk&country=RU",
    "/export/region-engagements.geojson?actor=Minsk&country=RU",
    "/export/event-stats.csv?groupBy=month,kind",
    "/export/event-stats.geojson?groupBy=region",
    "/export/agreement-stats.csv?groupBy=party",
    "/export/agreement-stats.geojson?groupBy=region",
)


async def test_the_api_survives_neo4j_going_away_and_coming_back(tmp_path: Path) -> None:
    options = server.ServerOptions(data_dir=tmp_path, port=0, user="neo4j", password=LOCAL_DEV_PASSWORD)
    state = server.start(options)
    # No plan warm-up: on a server just started, on a busy machine, it competes with the first request.
    own = Settings(neo4j_uri=state.uri, neo4j_retry_seconds=1.0, env="test", warm_plans=False)
    try:
        async for client in serve(create_app(own)):
            assert (await gql(client, QUERY))["data"]["actors"]["totalCount"] == 0

            server.stop(tmp_path)
            down = await gql(client, QUERY)
            ready = await client.get("/readyz")
            assert down["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
            assert "Neo4j is not reachable" in down["errors"][0]["message"]
            assert ready.status_code == 503
            for export in EXPORTS:
                response = await client.get(export)
                assert response.status_code == 503, (export, response.text)
                assert response.json()["code"] == "UNAVAILABLE", export

            same_port = urlparse(state.uri).port
            server.start(options.__class__(**{**options.__dict__, "port": same_port}))
            assert (await client.get("/readyz")).status_code == 200
            assert (await gql(client, QUERY))["data"]["actors"]["totalCount"] == 0
    finally:
        server.stop(tmp_path)
