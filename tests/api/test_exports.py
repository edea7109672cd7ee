"""A front-end developer downloads the graph, the map and the timeline data in the formats their tools read,
and each file opens in that format's own reader."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import networkx as nx
import pytest
import yaml
from geojson_pydantic import FeatureCollection

from graph.load import load_paths
from graph.read.exports import EVENT_COLUMNS
from graph.store import GraphStore
from tests.api.conftest import LiveServer
from tests.conftest import MAIN_SEED, SEED

TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
SIGNING = "event:2023-04-26-novosibirsk-contract-signing"
CONTRACT = "agreement:2023-04-novosibirsk-contracts"
REGIONS = {"region:RU-NVS", "region:RU-IRK", "region:RU-SVE"}
SOURCE_URL = "https://belarusinfocus.pro/belarus-russia-relations/the-peace-loving-region-of-the-union-state"


async def get(api: httpx.AsyncClient, path: str, **params: Any) -> httpx.Response:
    response = await api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response


async def cytoscape(api: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    body: dict[str, Any] = (await get(api, "/export/graph.json", **params)).json()
    return body


def by_id(elements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {element["data"]["id"]: element["data"] for element in elements}


async def test_graph_json_gives_cytoscape_the_trip_its_regions_and_who_says_so(
    seeded_api: httpx.AsyncClient,
) -> None:
    body = await cytoscape(seeded_api, actor="Golovchenko")
    nodes, edges = body["elements"]["nodes"], body["elements"]["edges"]
    node = by_id(nodes)
    assert len(node) == len(nodes), "every node once"
    assert len(by_id(edges)) == len(edges), "every edge once"
    assert all(e["data"]["source"] in node and e["data"]["target"] in node for e in edges), (
        "Cytoscape refuses an edge whose end is missing"
    )

    trip = node[TRIP]
    assert trip["category"] == "event"
    assert trip["kind"] == "visit"
    assert (trip["start_date"], trip["end_date"]) == ("2023-04-26", "2023-04-28")
    assert trip["evidence"][0]["quote"].startswith(
        "From April 26th to 28th, a Belarusian government delegation"
    )
    assert trip["evidence"][0]["url"] == SOURCE_URL
    places = {
        e["data"]["target"] for e in edges if e["data"]["source"] == TRIP and e["data"]["type"] == "IN_PLACE"
    }
    assert places == REGIONS
    assert node["region:RU-NVS"]["iso_code"] == "RU-NVS"
    assert node["region:RU-NVS"]["location"] == {
        "lat": pytest.approx(55.0, abs=0.2),
        "lon": pytest.approx(82.9, abs=0.2),
    }
    roles = {e["data"]["role"] for e in edges if e["data"]["target"] == "person:roman-golovchenko"}
    assert roles == {"head_of_delegation"}


async def test_graph_gexf_opens_in_networkx_with_the_same_nodes_and_typed_attributes(
    seeded_api: httpx.AsyncClient,
) -> None:
    gexf = await get(seeded_api, "/export/graph.gexf", actor="Golovchenko")
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    graph = nx.read_gexf(io.BytesIO(gexf.content))
    elements = await cytoscape(seeded_api, actor="Golovchenko")

    assert graph.is_directed()
    assert set(graph.nodes) == set(by_id(elements["elements"]["nodes"]))
    assert graph.number_of_edges() == len(elements["elements"]["edges"])
    novosibirsk = graph.nodes["region:RU-NVS"]
    assert novosibirsk["label"] == "Novosibirsk Oblast"
    assert novosibirsk["iso_code"] == "RU-NVS"
    assert isinstance(novosibirsk["lat"], float)
    assert graph.nodes[TRIP]["start_date"] == "2023-04-26"
    assert {data["type"] for _, target, data in graph.edges(TRIP, data=True) if target in REGIONS} == {
        "IN_PLACE"
    }


async def test_places_geojson_is_valid_geojson_marking_the_regions_minsk_engaged_with_their_contracts(
    seeded_api: httpx.AsyncClient,
) -> None:
    response = await get(seeded_api, "/export/places.geojson", actor="Minsk", country="RU", to="2023-04-30")
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = FeatureCollection.model_validate(response.json())  # RFC 7946 shapes, strictly

    places = {
        feature.properties["iso_code"]: feature for feature in collection.features if feature.properties
    }
    assert set(places) == {"RU-NVS", "RU-IRK", "RU-SVE"}
    novosibirsk = places["RU-NVS"]
    assert novosibirsk.geometry is not None and novosibirsk.geometry.type == "Point"
    lon, lat = novosibirsk.geometry.coordinates[:2]
    assert (round(lon), round(lat)) == (83, 55), "GeoJSON is longitude first"
    props = novosibirsk.properties or {}
    assert props["name"] == "Novosibirsk Oblast"
    assert props["event_count"] == 3
    assert set(props["events"]) == {TRIP, "event:2023-04-26-golovchenko-novosibirsk-visit", SIGNING}
    assert props["contract_value"] == {"amount": "13000000", "currency": "USD", "usd": 13000000.0}
    assert [c["agreement"] for c in props["contract_values"]] == ["agreement:2023-04-novosibirsk-contracts"]
    assert (places["RU-IRK"].properties or {})["contract_value"] is None, "no value reported is not zero"


async def test_events_csv_is_a_table_of_the_events_in_date_order(seeded_api: httpx.AsyncClient) -> None:
    response = await get(seeded_api, "/export/events.csv", actor="Golovchenko")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))

    assert tuple(rows[0].keys()) == EVENT_COLUMNS
    assert [row["start_date"] for row in rows] == sorted(row["start_date"] for row in rows)
    trip = next(row for row in rows if row["id"] == TRIP)
    assert trip["places"] == "RU-IRK; RU-NVS; RU-SVE"
    assert "Roman Golovchenko (head_of_delegation)" in trip["participants"]
    assert trip["sources"] == SOURCE_URL
    signing = next(row for row in rows if row["id"] == SIGNING)
    assert signing["trip"] == "event:2023-04-26-golovchenko-novosibirsk-visit"
    assert signing["agreements"] == "agreement:2023-04-novosibirsk-contracts"


async def test_exports_take_the_filters_of_events(seeded_api: httpx.AsyncClient) -> None:
    async def ids(**params: Any) -> set[str]:
        text = (await get(seeded_api, "/export/events.csv", **params)).text
        return {row["id"] for row in csv.DictReader(io.StringIO(text))}

    everything = await ids()
    minsk_in_russia = await ids(actor="Minsk", country="RU")
    assert {TRIP, SIGNING} <= minsk_in_russia < everything
    assert await ids(actor="Minsk", country="Russia") == minsk_in_russia, "a country by name or by code"
    assert await ids(actor="Minsk", country="RU", kinds="contract_signing") == {SIGNING}
    repeated = await ids(actor="Minsk", country="RU", kinds=["VISIT", "contract_signing"])
    assert repeated == await ids(actor="Minsk", country="RU", kinds="visit,contract_signing")
    assert {TRIP, SIGNING} <= repeated <= minsk_in_russia
    april = await ids(actor="Minsk", country="RU", **{"from": "2023-04-01", "to": "2023-04-30"})
    assert TRIP in april
    assert all("2023-04" in event_id for event_id in april)
    may = await ids(actor="Minsk", country="RU", **{"from": "2023-05-01", "to": "2023-05-31"})
    assert may and may.isdisjoint(april)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"actor": "Nobody Atall"}, "Nobody Atall"),
        ({"country": "Atlantis"}, "Atlantis"),
        ({"kinds": "party"}, "party"),
        ({"from": "last spring"}, "'from'"),
        ({"from": "2023-05-01", "to": "2023-04-01"}, "'to'"),
    ],
)
async def test_bad_filters_get_a_clear_400_before_anything_is_streamed(
    seeded_api: httpx.AsyncClient, params: dict[str, str], words: str
) -> None:
    for path in ("/export/graph.json", "/export/graph.gexf", "/export/places.geojson", "/export/events.csv"):
        response = await seeded_api.get(path, params=params)
        assert response.status_code == 400, path
        assert response.json()["code"] == "BAD_USER_INPUT"
        assert words in response.json()["detail"]


async def test_the_openapi_page_documents_each_export_its_format_and_filters(
    seeded_api: httpx.AsyncClient,
) -> None:
    paths = (await get(seeded_api, "/openapi.json")).json()["paths"]
    formats = {
        "/export/graph.json": "application/json",
        "/export/graph.gexf": "application/gexf+xml",
        "/export/places.geojson": "application/geo+json",
        "/export/events.csv": "text/csv",
    }
    for path, media_type in formats.items():
        operation = paths[path]["get"]
        assert operation["summary"] and operation["description"]
        assert media_type in operation["responses"]["200"]["content"]
        assert {"actor", "country", "kinds", "from", "to"} <= {p["name"] for p in operation["parameters"]}


def many_visits(folder: Path, count: int) -> Path:
    """A digest of `count` one-day visits by Golovchenko to Novosibirsk, one a day from 2020 on."""
    events = [
        {
            "id": f"event:visit-{n:05d}",
            "kind": "visit",
            "title": f"Visit number {n}",
            "date": (date(2020, 1, 1) + timedelta(days=n)).isoformat(),
            "participants": [{"actor": "person:roman-golovchenko", "role": "head_of_delegation"}],
            "places": ["region:RU-NVS"],
            "evidence": [{"quote": f"Visit number {n} took place."}],
        }
        for n in range(count)
    ]
    source = {"id": "source:many-visits", "title": "Many visits"}
    path = folder / "many-visits.yaml"
    path.write_text(yaml.safe_dump({"source": source, "events": events}), encoding="utf-8")
    return path


async def test_a_large_export_is_streamed_not_built_in_memory(
    store: GraphStore, live_server: LiveServer, tmp_path: Path
) -> None:
    await load_paths(store, [many_visits(tmp_path, 1500)], reference_dir=SEED / "reference")
    async with (
        httpx.AsyncClient(base_url=live_server.url, timeout=60) as client,
        client.stream("GET", "/export/events.csv", params={"actor": "Golovchenko"}) as response,
    ):
        assert response.status_code == 200
        assert response.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in response.headers
        chunks = [chunk async for chunk in response.aiter_raw()]
    rows = list(csv.DictReader(io.StringIO(b"".join(chunks).decode())))
    assert len(rows) == 1500
    assert len(chunks) > 1


def strict_json(text: str) -> Any:
    """JSON as RFC 8259 has it: NaN and Infinity are not numbers any other parser reads."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


async def test_exports_stay_json_whatever_numbers_another_writer_left_in_the_database(
    api: httpx.AsyncClient, store: GraphStore
) -> None:
    """The model refuses NaN and Infinity; a number some other writer stored as one exports as null."""
    await load_paths(store, [MAIN_SEED], reference_dir=SEED / "reference")
    async with store.driver.session(database=store.database) as session:
        await session.run(
            """MATCH (trip:Event {id: $trip}) SET trip.weight = 0.0 / 0.0, trip.scores = [1.5, 1e308 * 10]
               WITH count(*) AS done
               MATCH (contract:Agreement {id: $contract}) SET contract.value_usd = -1e308 * 10""",
            trip=TRIP,
            contract=CONTRACT,
        )

    graph = strict_json((await get(api, "/export/graph.json", actor="Golovchenko")).text)
    trip = by_id(graph["elements"]["nodes"])[TRIP]
    assert (trip["weight"], trip["scores"]) == (None, [1.5, None])
    assert by_id(graph["elements"]["nodes"])[CONTRACT]["value_usd"] is None

    places = strict_json((await get(api, "/export/places.geojson", actor="Golovchenko")).text)
    [novosibirsk] = [f for f in places["features"] if f["properties"]["iso_code"] == "RU-NVS"]
    assert novosibirsk["properties"]["contract_value"] == {
        "amount": "13000000",
        "currency": "USD",
        "usd": None,
    }


async def test_the_openapi_of_an_export_says_what_it_answers_besides_data(
    seeded_api: httpx.AsyncClient,
) -> None:
    """A client generated from /openapi.json expects a bad filter's 400 (found by the fuzz suite: a
    schema-valid `to=lorem` was answered with a status the spec did not list), and knows from/to are dates."""
    refused = await seeded_api.get("/export/events.csv", params={"to": "lorem"})
    assert refused.status_code == 400
    assert refused.json() == {
        "code": "BAD_USER_INPUT",
        "detail": "'to' must be a date as YYYY-MM-DD, got 'lorem'",
        "argument": "to",
    }
    spec = (await seeded_api.get("/openapi.json")).json()
    for path in ("/export/graph.json", "/export/graph.gexf", "/export/places.geojson", "/export/events.csv"):
        operation = spec["paths"][path]["get"]
        assert {"200", "400", "503", "504"} <= set(operation["responses"]), path
        error = operation["responses"]["400"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/ExportError"}
        dates = {p["name"]: p["schema"] for p in operation["parameters"] if p["name"] in ("from", "to")}
        for name, schema in dates.items():
            assert {"type": "string", "format": "date"} in schema["anyOf"], (path, name)
    assert set(spec["components"]["schemas"]["ExportError"]["required"]) == {"code", "detail"}
