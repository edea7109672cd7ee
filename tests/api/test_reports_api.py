"""An analyst asks what each source said. seed_data/ is loaded, then three outlets' digests that re-report its
facts (tests/fixtures/reports/README.md): The Siberian Ledger dates the Sverdlovsk leg 28 April and values the
Novosibirsk contracts at USD 12.5 million, Союзная повестка dates the leg 29 April. Through GraphQL: the
reports, the disputes, the source count, the change feed, and the graph as it stood before a digest
arrived (asOf)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

BIF = "source:bif-2023-04-24-peace-loving-region"
LEDGER = "source:fixture-siberian-ledger-2023-04-24"
POVESTKA = "source:fixture-soyuznaya-povestka-2023-04-24"
TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
LEG = "event:2023-04-26-golovchenko-sverdlovsk-visit"
TALKS = "event:2023-04-26-golovchenko-travnikov-talks"
CONTRACTS = "agreement:2023-04-novosibirsk-contracts"
LEDGER_FILE = "2023-04-24_siberian-ledger.yaml"
POVESTKA_FILE = "2023-04-24_soyuznaya-povestka.yaml"


@pytest.fixture
async def reported(reports_store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(settings)):
        yield client


EVENT = """query ($id: ID!, $asOf: DateTime) { event(id: $id, asOf: $asOf) {
  title startDate endDate datePrecision sourceCount firstReported lastChanged
  reports { source { id title } loadedAt retractedAt title startDate endDate
            quotes { quote source { id } } participants { role actor { id } } }
  disputes { field values { value sources { id } } }
} }"""
CHANGES = """query ($since: DateTime, $first: Int, $after: String) {
  changes(since: $since, first: $first, after: $after) {
    totalCount edges { cursor node { id kind at by files hashes created updated merged retracted unchanged } }
    pageInfo { hasNextPage endCursor } } }"""


async def all_changes(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    body = await gql(client, CHANGES, first=100)
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["changes"]["edges"]]


async def loaded_at(client: httpx.AsyncClient, file: str) -> datetime:
    """When the load of a file committed, as the change feed says."""
    [load] = [change for change in await all_changes(client) if names(change) == [file]]
    return datetime.fromisoformat(load["at"])


def names(change: dict[str, Any]) -> list[str]:
    """The file names a change read (it records them as given to `kg load`)."""
    return [PurePath(file).name for file in change["files"]]


def moment(value: datetime) -> str:
    return value.isoformat()


async def test_a_fact_three_sources_report_lists_their_reports_and_what_they_dispute(
    reported: httpx.AsyncClient,
) -> None:
    body = await gql(reported, EVENT, id=LEG)
    assert "errors" not in body, body
    leg = body["data"]["event"]
    assert leg["sourceCount"] == 3
    assert [r["source"]["id"] for r in leg["reports"]] == [BIF, LEDGER, POVESTKA]  # in load order
    assert all(r["retractedAt"] is None for r in leg["reports"])
    bif, ledger, povestka = leg["reports"]
    assert (bif["startDate"], bif["endDate"]) == ("2023-04-26", "2023-04-28")
    assert (ledger["startDate"], ledger["endDate"]) == ("2023-04-28", "2023-04-28")
    assert (povestka["startDate"], povestka["endDate"]) == ("2023-04-29", "2023-04-29")
    for report in leg["reports"]:  # each report keeps its own quotes from its own source
        assert report["quotes"] and {q["source"]["id"] for q in report["quotes"]} == {report["source"]["id"]}
        assert "person:roman-golovchenko" in {p["actor"]["id"] for p in report["participants"]}
    assert leg["firstReported"] == bif["loadedAt"]
    assert leg["lastChanged"] == povestka["loadedAt"]
    # 26-28, 28 and 29 April do not all overlap: the fact spans them all and says so.
    assert (leg["startDate"], leg["endDate"], leg["datePrecision"]) == ("2023-04-26", "2023-04-29", "RANGE")
    disputes = {d["field"]: d["values"] for d in leg["disputes"]}
    assert {s["id"] for v in disputes["date"] for s in v["sources"]} == {BIF, LEDGER, POVESTKA}
    assert len(disputes["date"]) == 3
    assert any("2023-04-29" in v["value"] for v in disputes["date"])


async def test_a_disputed_contract_value_shows_each_value_and_is_counted_once(
    reported: httpx.AsyncClient,
) -> None:
    body = await gql(
        reported,
        """{ agreements(first: 50) { edges { node { id sourceCount value { amount currency }
             reports { source { id } value { amount } } disputes { field values { value sources { id } } } }
        } } }""",
    )
    assert "errors" not in body, body
    contracts = next(e["node"] for e in body["data"]["agreements"]["edges"] if e["node"]["id"] == CONTRACTS)
    assert contracts["sourceCount"] == 3
    assert contracts["value"] == {"amount": "13000000", "currency": "USD"}  # reported by more sources
    amounts = {r["source"]["id"]: r["value"]["amount"] for r in contracts["reports"]}
    assert amounts == {BIF: "13000000", LEDGER: "12500000", POVESTKA: "13000000"}
    [value] = [d for d in contracts["disputes"] if d["field"] == "value"]
    assert [sorted(s["id"] for s in v["sources"]) for v in value["values"]] == [
        sorted([BIF, POVESTKA]),
        [LEDGER],
    ]
    flagship = await gql(
        reported,
        '{ regionEngagements(actor: "Minsk", country: "RU") { region { id } contractValue { amount } } }',
    )
    values = {r["region"]["id"]: r["contractValue"] for r in flagship["data"]["regionEngagements"]}
    assert values["region:RU-NVS"] == {"amount": "13000000"}


async def test_a_fact_one_source_reports_has_one_report_and_no_disputes(reported: httpx.AsyncClient) -> None:
    body = await gql(reported, EVENT, id=TALKS)
    talks = body["data"]["event"]
    assert (talks["sourceCount"], talks["disputes"], [r["source"]["id"] for r in talks["reports"]]) == (
        1,
        [],
        [LEDGER],
    )


async def test_the_change_feed_pages_oldest_first_after_a_cursor_and_since_a_time(
    reported: httpx.AsyncClient,
) -> None:
    every = await all_changes(reported)
    assert [c["at"] for c in every] == sorted(c["at"] for c in every)
    assert [names(c) for c in every[-3:]] == [
        [LEDGER_FILE],
        [POVESTKA_FILE],
        ["2023-05-08_eastern-flank-briefing.yaml"],
    ]
    ledger = every[-3]
    assert (ledger["kind"], len(ledger["hashes"])) == ("load", 1)
    assert ledger["created"] >= 1 and ledger["merged"] >= 7  # the talks are new; the trip and more merged
    walked, after = [], None
    while True:
        page = (await gql(reported, CHANGES, first=2, after=after))["data"]["changes"]
        walked += [edge["node"]["id"] for edge in page["edges"]]
        assert page["totalCount"] == len(every)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert walked == [c["id"] for c in every]
    since = (await gql(reported, CHANGES, since=ledger["at"]))["data"]["changes"]
    assert [names(e["node"]) for e in since["edges"]] == [
        [POVESTKA_FILE],
        ["2023-05-08_eastern-flank-briefing.yaml"],
    ]
    assert since["totalCount"] == 2


async def test_bad_change_feed_arguments_are_named(reported: httpx.AsyncClient) -> None:
    wrong_cursor = await gql(reported, CHANGES, after="bm90IGEgY3Vyc29y")
    assert wrong_cursor["errors"][0]["extensions"]["argument"] == "after"
    no_zone = await gql(reported, CHANGES, since="2023-05-02T00:00:00")
    assert no_zone["errors"][0]["extensions"]["argument"] == "since"


async def test_as_of_before_and_after_a_second_source_was_loaded(reported: httpx.AsyncClient) -> None:
    ledger_at = await loaded_at(reported, LEDGER_FILE)
    before = (await gql(reported, EVENT, id=LEG, asOf=moment(ledger_at - timedelta(microseconds=1))))["data"]
    leg = before["event"]
    assert (leg["sourceCount"], leg["startDate"], leg["endDate"], leg["disputes"]) == (
        1,
        "2023-04-26",
        "2023-04-28",
        [],
    )
    assert [r["source"]["id"] for r in leg["reports"]] == [BIF]
    then = (await gql(reported, EVENT, id=LEG, asOf=moment(ledger_at)))["data"]["event"]
    # 26-28 April and 28 April agree: the narrowest span both allow, undisputed.
    assert (then["sourceCount"], then["startDate"], then["endDate"]) == (2, "2023-04-28", "2023-04-28")
    assert "date" not in {d["field"] for d in then["disputes"]}
    assert [r["source"]["id"] for r in then["reports"]] == [BIF, LEDGER]
    unknown = await gql(reported, EVENT, id=TALKS, asOf=moment(ledger_at - timedelta(microseconds=1)))
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_events_and_the_flagship_as_of_a_moment(reported: httpx.AsyncClient) -> None:
    ledger_at = await loaded_at(reported, LEDGER_FILE)
    povestka_at = await loaded_at(reported, POVESTKA_FILE)
    events = """query ($asOf: DateTime) {
      events(asOf: $asOf, from: "2023-04-26", to: "2023-04-26", first: 100) {
      totalCount edges { node { id endDate sourceCount } } } }"""
    before = (await gql(reported, events, asOf=moment(ledger_at - timedelta(microseconds=1))))["data"][
        "events"
    ]
    after = (await gql(reported, events, asOf=moment(ledger_at)))["data"]["events"]
    assert TALKS not in {e["node"]["id"] for e in before["edges"]}
    assert TALKS in {e["node"]["id"] for e in after["edges"]}
    # The shared digest has the Sverdlovsk leg within 26-28 April; the Ledger narrows it to the 28th.
    assert LEG in {e["node"]["id"] for e in before["edges"]}
    assert LEG not in {e["node"]["id"] for e in after["edges"]}
    assert after["totalCount"] == len(after["edges"])
    flagship = """query ($asOf: DateTime) { regionEngagements(actor: "Minsk", country: "RU", asOf: $asOf) {
      region { id } events(first: 100) { edges { node { id endDate sourceCount } } }
      contractValue { amount } } }"""

    async def sverdlovsk_leg(at: datetime) -> dict[str, Any]:
        body = await gql(reported, flagship, asOf=moment(at))
        assert "errors" not in body, body
        rows = {r["region"]["id"]: r for r in body["data"]["regionEngagements"]}
        assert rows["region:RU-NVS"]["contractValue"] == {"amount": "13000000"}
        found: dict[str, Any] = next(
            e["node"] for e in rows["region:RU-SVE"]["events"]["edges"] if e["node"]["id"] == LEG
        )
        return found

    assert await sverdlovsk_leg(ledger_at - timedelta(microseconds=1)) == {
        "id": LEG,
        "endDate": "2023-04-28",
        "sourceCount": 1,
    }
    assert (await sverdlovsk_leg(povestka_at))["endDate"] == "2023-04-29"
    nothing = await gql(reported, flagship, asOf="2000-01-01T00:00:00Z")
    assert nothing["data"]["regionEngagements"] == []


REPORTS_PAGE = """query ($first: Int) { events(from: "2023-04-26", first: $first) { edges { node {
  id sourceCount reports { source { id } quotes { quote } participants { role actor { id name } } }
  disputes { field values { value sources { id title } } }
} } } }"""


async def test_reports_of_a_page_of_events_take_the_same_round_trips_for_12_or_40(
    reports_store: GraphStore, settings: Settings
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
