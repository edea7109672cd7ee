"""An analyst asks for numbers instead of lists: events per kind per month, contract value by region,
agreements by party, in one request each, counting each fact once however many digests report it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.model.dates import PERIODS
from graph.model.events import EVENT_KINDS
from graph.read.stats import AGREEMENT_GROUPS, EVENT_GROUPS
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

EVENT_STATS = """
query ($groupBy: [EventGroup!]!, $legs: Boolean! = false, $actor: String, $country: String,
       $kinds: [EventKind!], $from: Date, $to: Date, $source: ID) {
  eventStats(groupBy: $groupBy, legs: $legs, actor: $actor, country: $country, kinds: $kinds,
             from: $from, to: $to, source: $source) {
    kind
    period { unit start end label }
    country { id }
    region { id name subjectKind }
    actor { id }
    source { id }
    count
    agreementCount
    contractValue { amount currency usd }
  }
}
"""

AGREEMENT_STATS = """
query ($groupBy: [AgreementGroup!]!, $party: String) {
  agreementStats(groupBy: $groupBy, party: $party) {
    party { id }
    region { id }
    period { label }
    currency
    count
    valuedCount
    sum { amount currency usd }
    min { amount currency }
    max { amount currency }
  }
}
"""
USD_13M = {"amount": "13000000", "currency": "USD", "usd": "13000000"}


async def stats(api: httpx.AsyncClient, query: str = EVENT_STATS, **variables: Any) -> list[dict[str, Any]]:
    body = await gql(api, query, **variables)
    assert "errors" not in body, body
    field = "eventStats" if query is EVENT_STATS else "agreementStats"
    buckets: list[dict[str, Any]] = body["data"][field]
    return buckets


@pytest.fixture
async def reported(reports_store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The seed and the three digests that re-report its facts (tests/fixtures/reports)."""
    async for client in serve(create_app(settings)):
        yield client


async def test_events_per_kind_per_month_in_one_request(seeded_api: httpx.AsyncClient) -> None:
    buckets = await stats(seeded_api, groupBy=["MONTH", "KIND"])
    table = {(b["period"]["label"], b["kind"]): b["count"] for b in buckets}
    assert table[("2023-04", "VISIT")] == 1, "the trip to three regions, its legs not counted again"
    assert table[("2023-04", "CONTRACT_SIGNING")] == 1
    assert table[("2023-01", "CONTRACT_SIGNING")] == 1
    assert table[("2023-05", "VISIT")] == 1, "the Victory Day trip"
    april = next(b for b in buckets if b["period"]["label"] == "2023-04")
    assert april["period"] == {
        "unit": "MONTH",
        "start": "2023-04-01",
        "end": "2023-04-30",
        "label": "2023-04",
    }
    months = [b["period"]["start"] for b in buckets]
    assert months == sorted(months), "periods in time order, then kinds"
    assert sum(table.values()) == (await stats(seeded_api, groupBy=[]))[0]["count"]


async def test_the_total_and_the_legs_of_trips(seeded_api: httpx.AsyncClient) -> None:
    [total] = await stats(seeded_api, groupBy=[])
    [with_legs] = await stats(seeded_api, groupBy=[], legs=True)
    assert (total["kind"], total["period"], total["region"]) == (None, None, None)
    assert with_legs["count"] == total["count"] + 3, "the Golovchenko trip's three legs"
    visits = await stats(seeded_api, groupBy=["KIND"], kinds=["VISIT"], legs=True)
    assert [(b["kind"], b["count"]) for b in visits] == [("VISIT", 6)]
    without = await stats(seeded_api, groupBy=["KIND"], kinds=["VISIT"])
    assert [(b["kind"], b["count"]) for b in without] == [("VISIT", 3)]


async def test_contract_value_by_region_counts_each_agreement_once(seeded_api: httpx.AsyncClient) -> None:
    buckets = await stats(seeded_api, groupBy=["REGION"], country="RU")
    by_region = {b["region"]["id"]: b for b in buckets if b["region"]}
    novosibirsk = by_region["region:RU-NVS"]
    assert novosibirsk["region"]["subjectKind"] == "OBLAST"
    assert novosibirsk["count"] == 2, "the trip and the signing"
    assert (novosibirsk["agreementCount"], novosibirsk["contractValue"]) == (1, USD_13M)
    assert by_region["region:RU-IRK"]["contractValue"] is None, "no value reported is null, not zero"
    assert by_region["region:RU-MOW"]["region"]["subjectKind"] == "FEDERAL_CITY"
    [in_russia] = [b for b in buckets if b["region"] is None]
    assert in_russia["count"] == 1, "Lukashenka's tour of Russia names the country, no region"


async def test_the_same_filters_as_events(seeded_api: httpx.AsyncClient) -> None:
    events = await gql(
        seeded_api,
        'query { events(actor: "Golovchenko", from: "2023-04-01", to: "2023-04-30", first: 100) '
        "{ totalCount } }",
    )
    [total] = await stats(
        seeded_api, groupBy=[], actor="Golovchenko", legs=True, **{"from": "2023-04-01"}, to="2023-04-30"
    )
    assert total["count"] == events["data"]["events"]["totalCount"]
    by_actor = await stats(seeded_api, groupBy=["ACTOR"], actor="Golovchenko", legs=True)
    counts = {b["actor"]["id"]: b["count"] for b in by_actor}
    assert counts["person:roman-golovchenko"] == total["count"]


async def test_countries_sources_quarters_and_weeks(seeded_api: httpx.AsyncClient) -> None:
    countries = {
        (b["country"] or {}).get("id"): b["count"] for b in await stats(seeded_api, groupBy=["COUNTRY"])
    }
    assert countries["country:RU"] == 4
    assert countries["country:MD"] == 1, "the Moldovan entry ban"
    quarters = await stats(seeded_api, groupBy=["QUARTER"])
    assert [b["period"]["label"] for b in quarters] == ["2023-Q1", "2023-Q2", "2023-Q3"]
    assert quarters[1]["period"]["end"] == "2023-06-30"
    weeks = await stats(seeded_api, groupBy=["WEEK"], kinds=["VISIT"])
    assert weeks[0]["period"] == {
        "unit": "WEEK",
        "start": "2023-04-24",
        "end": "2023-04-30",
        "label": "2023-W17",
    }
    sources = await stats(seeded_api, groupBy=["SOURCE"])
    assert {b["source"]["id"] for b in sources} == {
        "source:bif-2023-01-16-plans-for-further-rapprochement",
        "source:bif-2023-04-24-peace-loving-region",
        "source:bif-2023-05-lukashenka-victory-day-parade-moscow",
        "source:bif-2023-07-regional-integration-reprint",
    }


async def test_agreements_by_party_region_year_and_currency(seeded_api: httpx.AsyncClient) -> None:
    [everything] = await stats(seeded_api, AGREEMENT_STATS, groupBy=[])
    assert (everything["count"], everything["valuedCount"], everything["sum"]) == (5, 1, USD_13M)
    assert everything["min"] == everything["max"] == {"amount": "13000000", "currency": "USD"}
    parties = {b["party"]["id"]: b for b in await stats(seeded_api, AGREEMENT_STATS, groupBy=["PARTY"])}
    assert parties["org:government-of-belarus"]["count"] == 2
    assert parties["org:mfa-belarus"]["count"] == 2
    assert parties["org:mfa-belarus"]["sum"] is None
    regions = await stats(seeded_api, AGREEMENT_STATS, groupBy=["REGION"])
    assert [(b["region"] or {}).get("id") for b in regions] == ["region:RU-NVS", None]
    years = await stats(seeded_api, AGREEMENT_STATS, groupBy=["YEAR", "CURRENCY"])
    assert [(b["period"]["label"], b["currency"], b["count"]) for b in years] == [
        ("2022", None, 1),
        ("2023", "USD", 1),
        ("2023", None, 3),
    ]
    belarus = await stats(seeded_api, AGREEMENT_STATS, groupBy=["PARTY"], party="Minsk")
    assert sum(b["count"] for b in belarus if b["party"]["id"] == "region:RU-NVS") == 1


async def test_bad_groupings_name_the_argument(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(seeded_api, EVENT_STATS, groupBy=["MONTH", "YEAR"])
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["argument"] == "groupBy"
    assert "one period" in body["errors"][0]["message"]
    body = await gql(seeded_api, EVENT_STATS, groupBy=["KIND"], actor="Nobody Atall")
    assert body["errors"][0]["extensions"]["argument"] == "actor"


def test_the_group_keys_follow_the_vocabularies_of_the_model() -> None:
    assert set(PERIODS) <= set(EVENT_GROUPS) and set(PERIODS) <= set(AGREEMENT_GROUPS)
    assert "kind" in EVENT_GROUPS and len(EVENT_KINDS) > 6


async def test_a_fact_reported_by_three_digests_counts_once(reported: httpx.AsyncClient) -> None:
    """The trip, its legs, the Novosibirsk signing and its contracts have three reports each (Belarus in
    Focus, The Siberian Ledger, Союзная повестка); the Ledger says USD 12.5 million."""
    trip = await stats(reported, groupBy=["KIND"], kinds=["VISIT"], **{"from": "2023-04-01"}, to="2023-04-30")
    assert [(b["kind"], b["count"]) for b in trip] == [("VISIT", 1)]
    by_region = {
        b["region"]["id"]: b for b in await stats(reported, groupBy=["REGION"], country="RU") if b["region"]
    }
    assert by_region["region:RU-NVS"]["contractValue"] == USD_13M, "not 12.5 M, nor the sum of three reports"
    assert by_region["region:RU-NVS"]["agreementCount"] == 1
    per_source = {
        b["source"]["id"]: b["count"]
        for b in await stats(
            reported,
            groupBy=["SOURCE"],
            kinds=["VISIT"],
            **{"from": "2023-04-01"},
            to="2023-04-30",
            legs=True,
        )
    }
    assert per_source["source:fixture-siberian-ledger-2023-04-24"] == 4, (
        "each source counts the facts it reports"
    )
    [agreements] = await stats(reported, AGREEMENT_STATS, groupBy=["CURRENCY"], party="region:RU-NVS")
    assert (agreements["currency"], agreements["count"], agreements["sum"]) == ("USD", 1, USD_13M)
