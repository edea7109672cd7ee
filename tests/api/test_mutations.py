"""An analyst with a write key records what a digest reports: an actor, then a contract signing with its
contract; edits it, deletes it. Every write says who made it and when."""

from __future__ import annotations

import socket
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from graph.load import load_paths
from graph.read.lookup import node_by_id
from graph.settings import Settings
from graph.store import GraphStore
from graph.write import history
from tests.api.mutation_inputs import (
    AS_WRITER,
    DELETE_EVENT,
    GOLOVCHENKO,
    LOADER_FIXTURES,
    READ_KEY,
    SIGNING_QUOTE,
    SOURCE,
    UPSERT_ACTOR,
    UPSERT_EVENT,
    WRITER,
    error_of,
    node_count,
    signing,
)
from tests.conftest import gql, serve
from tests.graph.test_load import rows
from tests.graph.test_load_dates import TIME_LINKS


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        (None, 401, "UNAUTHENTICATED"),
        ({"Authorization": "Bearer kg_not-a-key-anyone-was-given"}, 401, "UNAUTHENTICATED"),
        ({"Authorization": f"Bearer {READ_KEY}"}, 403, "FORBIDDEN"),
    ],
    ids=["no key", "unknown key", "read-only key"],
)
async def test_writing_needs_a_key_with_the_write_role(
    api_with_keys: httpx.AsyncClient,
    store: GraphStore,
    headers: dict[str, str] | None,
    status: int,
    code: str,
) -> None:
    before = await node_count(store)
    attempts: list[tuple[str, dict[str, Any]]] = [
        (UPSERT_ACTOR, {"input": GOLOVCHENKO}),
        (UPSERT_EVENT, {"input": signing()}),
        (DELETE_EVENT, {"id": "event:2023-04-27-novosibirsk-contract-signing"}),
    ]
    for query, variables in attempts:
        body = await gql(api_with_keys, query, headers=headers, **variables)
        assert body["status"] == status
        assert error_of(body)["extensions"]["code"] == code
    assert await node_count(store) == before


async def test_an_analyst_records_an_actor_and_a_contract_signing(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    actor = (await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO))["data"]
    assert actor["upsertActor"] == {
        "id": "person:roman-golovchenko",
        "kind": "PERSON",
        "name": "Roman Golovchenko",
        "aliases": ["Raman Halouchanka", "Роман Головченко"],
        "country": {"id": "country:BY"},
    }

    body = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=signing())
    event = body["data"]["upsertEvent"]
    assert body["status"] == 200
    assert event["kind"] == "CONTRACT_SIGNING" and event["datePrecision"] == "DAY"
    assert event["startDate"] == event["endDate"] == "2023-04-27"
    assert event["participants"] == [
        {"role": "head_of_delegation", "actor": {"id": "person:roman-golovchenko"}},
        {"role": "delegation", "actor": {"id": "org:government-of-belarus"}},
    ]
    assert event["places"] == [{"id": "region:RU-NVS"}]
    assert event["evidence"] == [
        {"quote": SIGNING_QUOTE, "start": None, "end": None, "source": {"id": SOURCE}}
    ]
    [contract] = event["agreements"]
    assert contract["id"] == "agreement:2023-04-novosibirsk-contracts" and contract["status"] == "signed"
    value = contract["value"]
    assert (value["amount"], value["currency"]) == ("1300000000", "RUB")
    assert Decimal(value["usd"]) == Decimal("16250000") and Decimal(value["usdRate"]) == Decimal("0.0125")
    assert value["usdRateDate"] == "2023-04-28"
    assert {(p["side"], p["actor"]["id"]) for p in contract["parties"]} == {
        ("belarus", "org:government-of-belarus"),
        ("russia", "region:RU-NVS"),
    }

    stored = await node_by_id(store, "event", event["id"])
    assert stored["created_by"] == stored["updated_by"] == "analyst-anna"
    assert stored["created_at"] == stored["updated_at"]
    for target, label in [
        ("person:roman-golovchenko", "Actor"),
        (event["id"], "Event"),
        (contract["id"], "Agreement"),
    ]:
        [change] = await history(store, target)
        assert (change.op, change.label, change.by) == ("create", label, "analyst-anna")
    assert [change.at for change in await history(store, contract["id"])] == [stored["created_at"]]

    nodes = await node_count(store)
    again = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=signing())
    assert again["data"]["upsertEvent"] == event
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    assert await node_count(store) == nodes, "the same input twice changes nothing, and records no change"


async def test_a_long_date_range_is_refused_or_bounded_and_neo4j_keeps_answering(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    """An upsertEvent from year one to 1999 used to kill the JVM (a :Day node for each of 730,000 days);
    now it is refused before the database is asked, and a span the window allows links at most 62 nodes."""
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    ancient = {**signing(), "date": {"start": "0001-01-01", "end": "1999-12-31"}}

    error = error_of(await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=ancient))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "input.date.start"}
    assert "0001-01-01 is before the earliest date the graph accepts, 1800-01-01" in error["message"]
    assert await store.ping()

    centuries = {**signing(), "date": {"start": "1800-01-01", "end": "2100-12-31"}}
    body = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=centuries)
    event = body["data"]["upsertEvent"]
    assert (event["startDate"], event["endDate"], event["datePrecision"]) == (
        "1800-01-01",
        "2100-12-31",
        "RANGE",
    )
    assert await time_links(store, event["id"]) == [f"{decade}s" for decade in range(1800, 2101, 10)]
    assert await store.ping()

    await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=signing())
    assert await time_links(store, event["id"]) == ["2023-04-27"], "the edit replaced the decades"


async def time_links(store: GraphStore, event: str) -> list[str]:
    return [row["key"] for row in await rows(store, TIME_LINKS, id=event)]


async def test_an_edited_event_drops_the_participant_left_out(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=signing())
    edited = signing()
    edited["participants"] = edited["participants"][:1]
    edited["title"] = "Contracts signed in Novosibirsk"

    event = (await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=edited))["data"]["upsertEvent"]
    assert event["title"] == "Contracts signed in Novosibirsk"
    assert event["participants"] == [
        {"role": "head_of_delegation", "actor": {"id": "person:roman-golovchenko"}}
    ]
    assert [change.op for change in await history(store, event["id"])] == ["create", "update"]
    assert [change.op for change in await history(store, event["agreements"][0]["id"])] == ["create"]
    stored = await node_by_id(store, "event", event["id"])
    assert stored["created_at"] < stored["updated_at"]


async def test_deleting_an_event_keeps_its_contract_and_a_tombstone(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    trip: dict[str, Any] = {
        "id": "event:2023-04-26-golovchenko-russian-regions-visit",
        "kind": "VISIT",
        "title": "Working visit of the Belarusian government delegation to three Russian regions",
        "date": {"start": "2023-04-26", "end": "2023-04-28"},
        "participants": [{"actor": "Роман Головченко", "role": "head_of_delegation"}],
        "evidence": [
            {"quote": "From April 26th to 28th, a Belarusian government delegation", "source": SOURCE}
        ],
    }
    trip_body = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=trip)
    assert trip_body["data"]["upsertEvent"]["datePrecision"] == "RANGE"
    leg = {**signing(), "partOf": trip["id"]}
    assert (await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=leg))["data"]["upsertEvent"][
        "trip"
    ] == {"id": trip["id"]}

    deleted = await gql(api_with_keys, DELETE_EVENT, headers=AS_WRITER, id=trip["id"])
    assert deleted["data"]["deleteEvent"] == {"id": trip["id"], "deleted": True}
    gone = await gql(api_with_keys, "query ($id: ID!) { event(id: $id) { id } }", id=trip["id"])
    assert error_of(gone)["extensions"]["code"] == "NOT_FOUND"
    still = await gql(api_with_keys, "query ($id: ID!) { event(id: $id) { trip { id } } }", id=leg["id"])
    assert still["data"]["event"] == {"trip": None}

    await gql(api_with_keys, DELETE_EVENT, headers=AS_WRITER, id=leg["id"])
    query = '{ agreements(party: "Novosibirsk Oblast") { edges { node { id producedBy { id } } } } }'
    contracts = (await gql(api_with_keys, query))["data"]["agreements"]["edges"]
    assert contracts == [{"node": {"id": "agreement:2023-04-novosibirsk-contracts", "producedBy": []}}]
    assert [(c.op, c.by) for c in await history(store, trip["id"])] == [
        ("create", "analyst-anna"),
        ("delete", "analyst-anna"),
    ]

    twice = await gql(api_with_keys, DELETE_EVENT, headers=AS_WRITER, id=trip["id"])
    assert error_of(twice)["extensions"] == {"code": "NOT_FOUND", "argument": "id"}


async def test_an_event_the_loader_wrote_resubmitted_unchanged_stays_as_it_was(
    store: GraphStore, settings: Settings
) -> None:
    digest = LOADER_FIXTURES / "peace-loving-region.yaml"
    await load_paths(store, [digest], reference_dir=LOADER_FIXTURES / "reference")
    ban: dict[str, Any] = {
        "id": "event:2023-04-28-putin-banned-from-moldova",
        "kind": "BAN",
        "title": "Putin banned from entering Moldova",
        "date": {"start": "2023-04-28"},
        "participants": [{"actor": "Putin", "role": "target"}, {"actor": "Moldova", "role": "issuer"}],
        "evidence": [
            {"quote": "Vladimir Putin (who was banned from entering Moldova on April 28th)", "source": SOURCE}
        ],
    }
    query = "mutation ($input: EventInput!) { upsertEvent(input: $input) { summary evidence { start end } } }"
    keyed = settings.model_copy(update={"api_keys": str(WRITER)})
    async for client in serve(create_app(keyed)):
        before = await node_count(store)
        same = (await gql(client, query, headers=AS_WRITER, input=ban))["data"]["upsertEvent"]
        assert await node_count(store) == before
        assert [change.op for change in await history(store, ban["id"])] == ["create"], "by the load only"
        [quote] = same["evidence"]
        assert quote["start"] is not None and quote["end"] is not None

        edited = await gql(client, query, headers=AS_WRITER, input={**ban, "summary": "Moldova bans Putin."})
        assert edited["data"]["upsertEvent"] == {"summary": "Moldova bans Putin.", "evidence": [quote]}
        [loaded, change] = await history(store, ban["id"])
        assert loaded.op == "create" and Path(loaded.file or "").resolve() == digest.resolve()
        assert (change.op, change.by, change.file) == ("update", "analyst-anna", None)
        stored = await node_by_id(store, "event", ban["id"])
        assert stored["updated_by"] == "analyst-anna" and "created_by" not in stored


async def test_a_write_while_neo4j_is_down_is_unavailable() -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    nowhere = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{port}",
        neo4j_connect_timeout=1.0,
        neo4j_retry_seconds=0.5,
        env="test",
        api_keys=str(WRITER),
    )
    async for client in serve(create_app(nowhere)):
        body = await gql(client, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
        assert error_of(body)["extensions"]["code"] == "UNAVAILABLE"
