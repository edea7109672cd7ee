"""An analyst asks what each source said: the Sverdlovsk leg and the Novosibirsk contracts are reported by
the shared digest and, a day later, by The Siberian Ledger, which dates the leg 29 April and values the
contracts at USD 12.5 million. Through GraphQL: the reports, the disputes, the source count, the change
feed, and the graph as it stood before the Ledger's load (asOf)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from api.app import create_app
from graph.load import load_paths
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.reports_graph import ReportsGraph
from tests.conftest import MAIN_SEED, SEED, gql, serve

BIF = "source:bif-2023-04-24-peace-loving-region"
LEDGER = "source:siberian-ledger-2023-04-24"
TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
LEG = "event:2023-04-26-golovchenko-sverdlovsk-visit"
CONTRACTS = "agreement:2023-04-novosibirsk-contracts"
FIRST_LOAD = datetime(2023, 5, 1, 12, tzinfo=UTC)
SECOND_LOAD = datetime(2023, 5, 2, 12, tzinfo=UTC)
BETWEEN = "2023-05-02T00:00:00Z"
BEFORE = "2023-04-30T00:00:00Z"


@pytest.fixture
async def reports_written(store: GraphStore) -> GraphStore:
    await load_paths(store, [MAIN_SEED], reference_dir=SEED / "reference")
    graph = ReportsGraph(store)
    await graph.load("load:1", FIRST_LOAD, [MAIN_SEED.name], created=3)
    for kind, fact in (("event", TRIP), ("event", LEG), ("agreement", CONTRACTS)):
        await graph.report(kind, fact, BIF, "load:1", FIRST_LOAD, await graph.record_of(fact))
    await graph.run("CREATE (:Source {id: $id, title: 'The Siberian Ledger', language: 'en'})", id=LEDGER)
    await graph.load("load:2", SECOND_LOAD, ["2023-04-24_siberian-ledger.yaml"], merged=2)
    leg = await graph.record_of(LEG)
    leg["props"].update(
        title="Golovchenko in Yekaterinburg",
        start_date="2023-04-29",
        end_date="2023-04-29",
        date_precision="day",
    )
    leg["evidence"] = [{"source": LEDGER, "quote": "On 29 April the delegation reached Yekaterinburg."}]
    await graph.report("event", LEG, LEDGER, "load:2", SECOND_LOAD, leg)
    contracts = await graph.record_of(CONTRACTS)
    contracts["props"].update(value_amount="12500000", value_currency="USD", value_usd=12500000.0)
    contracts["evidence"] = [{"source": LEDGER, "quote": "contracts worth about $12.5 million"}]
    await graph.report("agreement", CONTRACTS, LEDGER, "load:2", SECOND_LOAD, contracts)
    return store


@pytest.fixture
async def reported(reports_written: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(settings)):
        yield client


EVENT = """query ($id: ID!, $asOf: DateTime) { event(id: $id, asOf: $asOf) {
  title startDate endDate datePrecision sourceCount firstReported lastChanged
  reports { source { id title } loadedAt retractedAt title startDate endDate
            quotes { quote source { id } } participants { role actor { id } } }
  disputes { field values { value sources { id } } }
} }"""


async def test_a_fact_two_sources_report_lists_both_reports_and_what_they_dispute(
    reported: httpx.AsyncClient,
) -> None:
    body = await gql(reported, EVENT, id=LEG)
    assert "errors" not in body, body
    leg = body["data"]["event"]
    assert leg["sourceCount"] == 2
    assert leg["firstReported"].startswith("2023-05-01T12:00:00")
    assert leg["lastChanged"].startswith("2023-05-02T12:00:00")
    assert [(r["source"]["id"], r["retractedAt"]) for r in leg["reports"]] == [(BIF, None), (LEDGER, None)]
    bif, ledger = leg["reports"]
    assert (bif["startDate"], bif["endDate"]) == ("2023-04-26", "2023-04-28")
    assert (ledger["title"], ledger["startDate"]) == ("Golovchenko in Yekaterinburg", "2023-04-29")
    assert ledger["quotes"] == [
        {"quote": "On 29 April the delegation reached Yekaterinburg.", "source": {"id": LEDGER}}
    ]
    assert bif["quotes"] and all(q["source"]["id"] == BIF for q in bif["quotes"])
    assert {p["actor"]["id"] for p in ledger["participants"]} == {
        p["actor"]["id"] for p in bif["participants"]
    }
    # 26-28 and 29 April do not overlap: the fact spans both, and says it is disputed.
    assert (leg["startDate"], leg["endDate"], leg["datePrecision"]) == ("2023-04-26", "2023-04-29", "RANGE")
    disputes = {d["field"]: d["values"] for d in leg["disputes"]}
    assert set(disputes) == {"date", "title"}
    assert [[s["id"] for s in v["sources"]] for v in disputes["date"]] == [[BIF], [LEDGER]]
    assert '"2023-04-29"' in disputes["date"][1]["value"]
    assert disputes["title"][1]["value"] == "Golovchenko in Yekaterinburg"


async def test_a_disputed_contract_value_shows_each_value_and_counts_once(
    reported: httpx.AsyncClient,
) -> None:
    body = await gql(
        reported,
        """{ agreements(first: 50) { edges { node { id sourceCount value { amount currency }
             reports { source { id } value { amount } }
             disputes { field values { value sources { id } } } } } } }""",
    )
    assert "errors" not in body, body
    contracts = next(e["node"] for e in body["data"]["agreements"]["edges"] if e["node"]["id"] == CONTRACTS)
    assert contracts["sourceCount"] == 2
    assert contracts["value"] == {"amount": "13000000", "currency": "USD"}  # one each: the earliest report's
    assert [r["value"]["amount"] for r in contracts["reports"]] == ["13000000", "12500000"]
    [value] = contracts["disputes"]
    assert value["field"] == "value"
    assert [[s["id"] for s in v["sources"]] for v in value["values"]] == [[BIF], [LEDGER]]
    flagship = await gql(
        reported,
        '{ regionEngagements(actor: "Minsk", country: "RU") { region { id } contractValue { amount } } }',
    )
    values = {r["region"]["id"]: r["contractValue"] for r in flagship["data"]["regionEngagements"]}
    assert values["region:RU-NVS"] == {"amount": "13000000"}


async def test_a_fact_reported_once_has_no_disputes(reported: httpx.AsyncClient) -> None:
    body = await gql(reported, EVENT, id=TRIP)
    trip = body["data"]["event"]
    assert (trip["sourceCount"], trip["disputes"], len(trip["reports"])) == (1, [], 1)


CHANGES = """query ($since: DateTime, $first: Int, $after: String) {
  changes(since: $since, first: $first, after: $after) {
    totalCount edges { cursor node { id kind at by files hashes created merged retracted } }
    pageInfo { hasNextPage endCursor } } }"""


async def test_the_change_feed_pages_oldest_first_after_a_cursor_and_since_a_time(
    reported: httpx.AsyncClient,
) -> None:
    first = (await gql(reported, CHANGES, first=1))["data"]["changes"]
    assert first["totalCount"] == 2 and first["pageInfo"]["hasNextPage"]
    [load] = [edge["node"] for edge in first["edges"]]
    assert (load["id"], load["kind"], load["files"], load["created"]) == (
        "load:1",
        "load",
        [MAIN_SEED.name],
        3,
    )
    rest = (await gql(reported, CHANGES, first=1, after=first["pageInfo"]["endCursor"]))["data"]["changes"]
    assert [e["node"]["id"] for e in rest["edges"]] == ["load:2"]
    assert not rest["pageInfo"]["hasNextPage"]
    assert rest["edges"][0]["node"]["merged"] == 2
    since = (await gql(reported, CHANGES, since=BETWEEN))["data"]["changes"]
    assert [e["node"]["id"] for e in since["edges"]] == ["load:2"]
    assert since["totalCount"] == 1


async def test_bad_change_feed_arguments_are_named(reported: httpx.AsyncClient) -> None:
    wrong_cursor = await gql(reported, CHANGES, after="bm90IGEgY3Vyc29y")
    assert wrong_cursor["errors"][0]["extensions"]["argument"] == "after"
    no_zone = await gql(reported, CHANGES, since="2023-05-02T00:00:00")
    assert no_zone["errors"][0]["extensions"]["argument"] == "since"


async def test_as_of_before_the_second_source_answers_with_the_first_alone(
    reported: httpx.AsyncClient,
) -> None:
    then = (await gql(reported, EVENT, id=LEG, asOf=BETWEEN))["data"]["event"]
    assert then["sourceCount"] == 1
    assert (then["startDate"], then["endDate"], then["disputes"]) == ("2023-04-26", "2023-04-28", [])
    assert [r["source"]["id"] for r in then["reports"]] == [BIF]
    now = (await gql(reported, EVENT, id=LEG, asOf="2023-05-03T00:00:00Z"))["data"]["event"]
    assert (now["sourceCount"], now["endDate"]) == (2, "2023-04-29")
    assert {d["field"] for d in now["disputes"]} == {"date", "title"}
    missing = await gql(reported, EVENT, id=LEG, asOf=BEFORE)
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_events_and_the_flagship_as_of_a_moment(reported: httpx.AsyncClient) -> None:
    events = """query ($asOf: DateTime) { events(asOf: $asOf, from: "2023-04-29") {
      totalCount edges { node { id endDate sourceCount } } } }"""
    before = (await gql(reported, events, asOf=BEFORE))["data"]["events"]
    assert before == {"totalCount": 0, "edges": []}
    between = (await gql(reported, events, asOf=BETWEEN))["data"]["events"]
    assert between["totalCount"] == 0  # the leg ended on 28 April until the Ledger said 29
    after = (await gql(reported, events, asOf="2023-05-03T00:00:00Z"))["data"]["events"]
    assert [(e["node"]["id"], e["node"]["sourceCount"]) for e in after["edges"]] == [(LEG, 2)]
    flagship = """query ($asOf: DateTime) { regionEngagements(actor: "Minsk", country: "RU", asOf: $asOf) {
      region { id } events { id endDate sourceCount } contractValue { amount } } }"""
    nothing = (await gql(reported, flagship, asOf=BEFORE))["data"]["regionEngagements"]
    assert nothing == []
    then = {
        r["region"]["id"]: r
        for r in (await gql(reported, flagship, asOf=BETWEEN))["data"]["regionEngagements"]
    }
    sverdlovsk = {e["id"]: e for e in then["region:RU-SVE"]["events"]}
    assert sverdlovsk[LEG] == {"id": LEG, "endDate": "2023-04-28", "sourceCount": 1}
    assert then["region:RU-NVS"]["contractValue"] == {"amount": "13000000"}


REPORTS_PAGE = """query ($first: Int) { events(from: "2023-04-26", first: $first) { edges { node {
  id sourceCount reports { source { id } quotes { quote } participants { role actor { id name } } }
  disputes { field values { value sources { id title } } }
} } } }"""


async def test_reports_of_a_page_of_events_take_the_same_round_trips_for_12_or_40(
    reports_written: GraphStore, settings: Settings
) -> None:
    app = create_app(settings)
    trips = []
    async for client in serve(app):
        for first in (12, 40):
            store: GraphStore = app.state.store
            before = store.round_trips
            body = await gql(client, REPORTS_PAGE, first=first)
            assert "errors" not in body, body
            trips.append(store.round_trips - before)
            assert LEG in {e["node"]["id"] for e in body["data"]["events"]["edges"]}
    assert trips[0] == trips[1] <= 5
