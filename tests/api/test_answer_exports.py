"""An analyst downloads the answers themselves: the flagship's table and the aggregations, as CSV for a
spreadsheet and as GeoJSON for a map, with the same filters as the GraphQL fields."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from geojson_pydantic import FeatureCollection

from tests.conftest import gql

FLAGSHIP = {"actor": "Minsk", "country": "RU", "from": "2023-01-01", "to": "2023-12-31"}


async def table(api: httpx.AsyncClient, path: str, **params: Any) -> list[dict[str, str]]:
    response = await api.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


async def geojson(api: httpx.AsyncClient, path: str, **params: Any) -> dict[str, Any]:
    response = await api.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/geo+json")
    body: dict[str, Any] = response.json()
    FeatureCollection.model_validate(body)
    return body


async def test_the_flagship_downloads_as_the_table_graphql_answers(seeded_api: httpx.AsyncClient) -> None:
    rows = await table(seeded_api, "/export/region-engagements.csv", **FLAGSHIP)
    answer = await gql(
        seeded_api,
        'query { regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") '
        "{ region { id } events(first: 100) { totalCount edges { node { id } } } } }",
    )
    assert [row["region_id"] for row in rows] == [
        r["region"]["id"] for r in answer["data"]["regionEngagements"]
    ], "the same rows in the same order"
    for row, region in zip(rows, answer["data"]["regionEngagements"], strict=True):
        events = region["events"]
        assert int(row["event_count"]) == events["totalCount"], row["region_id"]
        assert [e for e in row["events"].split("; ") if e] == [e["node"]["id"] for e in events["edges"]], (
            "every event, in the same order"
        )
    novosibirsk, pskov = rows[0], next(row for row in rows if row["iso_code"] == "RU-PSK")
    assert (novosibirsk["iso_code"], novosibirsk["subject_kind"]) == ("RU-NVS", "oblast")
    assert novosibirsk["through"] == "visit; agreement"
    assert (novosibirsk["contract_value"], novosibirsk["contract_currency"]) == ("13000000", "USD")
    assert novosibirsk["event_count"] == "3"
    assert (pskov["through"], pskov["events_about"], pskov["contract_value"]) == ("subject", "1", "")
    assert pskov["events"] == "event:2023-07-28-belarus-pskov-working-group-meeting"
    narrowed = await table(
        seeded_api,
        "/export/region-engagements.csv",
        **FLAGSHIP,
        through="visit,agreement",
        regionKinds=["OBLAST", "KRAI", "REPUBLIC"],
    )
    assert {row["iso_code"] for row in narrowed} == {"RU-NVS", "RU-IRK", "RU-SVE"}, "no Pskov, no Moscow"


async def test_the_flagship_on_a_map(seeded_api: httpx.AsyncClient) -> None:
    body = await geojson(seeded_api, "/export/region-engagements.geojson", **FLAGSHIP)
    features = {feature["id"]: feature for feature in body["features"]}
    pskov = features["region:RU-PSK"]
    lon, lat = pskov["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (58, 28), "Pskov"
    assert pskov["properties"]["through"] == ["subject"]
    novosibirsk = features["region:RU-NVS"]["properties"]
    assert (novosibirsk["contract_value"], novosibirsk["contract_value_usd"]) == ("13000000", 13000000.0)


async def test_event_stats_download_per_month_and_kind(seeded_api: httpx.AsyncClient) -> None:
    rows = await table(seeded_api, "/export/event-stats.csv", groupBy="month,kind", actor="Minsk")
    assert list(rows[0]) == ["period", "period_start", "period_end", "kind", "count", "agreement_count",
                             "contract_value_usd"]  # fmt: skip
    answer = await gql(
        seeded_api,
        'query { eventStats(groupBy: [MONTH, KIND], actor: "Minsk") { period { label } kind count } }',
    )
    assert [(r["period"], r["kind"].upper(), int(r["count"])) for r in rows] == [
        (b["period"]["label"], b["kind"], b["count"]) for b in answer["data"]["eventStats"]
    ]
    signing = next(r for r in rows if r["period"] == "2023-04" and r["kind"] == "contract_signing")
    assert signing["contract_value_usd"] == "13000000"


async def test_event_stats_by_region_on_a_map(seeded_api: httpx.AsyncClient) -> None:
    body = await geojson(seeded_api, "/export/event-stats.geojson", groupBy="region", country="RU")
    features = {feature["id"]: feature["properties"] for feature in body["features"]}
    assert features["region:RU-NVS"]["count"] == 2
    assert features["region:RU-NVS"]["contract_value_usd"] == 13000000.0
    assert None not in features, "buckets without a place are in the CSV only"
    response = await seeded_api.get("/export/event-stats.geojson", params={"groupBy": "kind"})
    assert response.status_code == 400
    assert response.json()["argument"] == "groupBy"


async def test_agreement_stats_download(seeded_api: httpx.AsyncClient) -> None:
    rows = await table(seeded_api, "/export/agreement-stats.csv", groupBy="year,currency")
    assert [(r["period"], r["currency"], r["count"], r["sum"]) for r in rows] == [
        ("2022", "", "1", ""),
        ("2023", "USD", "1", "13000000"),
        ("2023", "", "3", ""),
    ]
    body = await geojson(seeded_api, "/export/agreement-stats.geojson", groupBy="region")
    [novosibirsk] = body["features"]
    assert novosibirsk["id"] == "region:RU-NVS"
    assert novosibirsk["properties"]["sum_usd"] == 13000000.0


@pytest.mark.parametrize(
    ("path", "params", "argument"),
    [
        ("/export/region-engagements.csv", {"country": "RU"}, "actor"),
        ("/export/region-engagements.csv", {"actor": "Minsk"}, "country"),
        ("/export/region-engagements.geojson", {"actor": "Minks", "country": "RU"}, "actor"),
        ("/export/region-engagements.csv", {**FLAGSHIP, "through": "telepathy"}, "through"),
        ("/export/region-engagements.csv", {**FLAGSHIP, "asOf": "yesterday"}, "asOf"),
        ("/export/event-stats.csv", {"groupBy": "month,year"}, "groupBy"),
        ("/export/event-stats.csv", {"groupBy": "mood"}, "groupBy"),
        ("/export/event-stats.csv", {"kinds": "party"}, "kinds"),
        ("/export/agreement-stats.csv", {"party": "Nobody Atall"}, "party"),
        ("/export/agreement-stats.geojson", {"groupBy": "party"}, "groupBy"),
    ],
)
async def test_bad_arguments_get_a_400_naming_them(
    seeded_api: httpx.AsyncClient, path: str, params: dict[str, str], argument: str
) -> None:
    response = await seeded_api.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "BAD_USER_INPUT"
    assert response.json()["argument"] == argument
