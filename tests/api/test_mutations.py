"""An analyst with a write key records what a digest reports: an actor, then a contract signing with its
contract; edits it, deletes it. Every write says who made it and when; bad input changes nothing."""

from __future__ import annotations

import copy
import dataclasses
import socket
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from api.app import create_app
from api.schema import mutations
from graph import model
from graph.api_keys import new_key
from graph.load import load_paths
from graph.read.lookup import node_by_id
from graph.settings import Settings
from graph.store import GraphStore
from graph.write import history
from tests.conftest import gql, serve

SEED = Path(__file__).parent / "fixtures" / "mutations-seed.yaml"
LOADER_FIXTURES = Path(__file__).parent.parent / "graph" / "fixtures"
SOURCE = "source:bif-2023-04-24-peace-loving-region"
WRITE_KEY, WRITER = new_key("analyst-anna", "write")
READ_KEY, READER = new_key("reader-rob", "read")
AS_WRITER = {"Authorization": f"Bearer {WRITE_KEY}"}

UPSERT_ACTOR = """mutation ($input: ActorInput!) { upsertActor(input: $input) {
    id kind name aliases country { id } } }"""
UPSERT_EVENT = """mutation ($input: EventInput!) { upsertEvent(input: $input) {
    id kind title startDate endDate datePrecision
    participants { role actor { id } } places { id } trip { id }
    agreements { id status value { amount currency usd usdRate usdRateDate } parties { side actor { id } } }
    evidence { quote start end source { id } } } }"""
DELETE_EVENT = "mutation ($id: ID!) { deleteEvent(id: $id) { id deleted } }"
GOLOVCHENKO: dict[str, Any] = {
    "id": "person:roman-golovchenko",
    "kind": "PERSON",
    "name": "Roman Golovchenko",
    "aliases": ["Raman Halouchanka", "Роман Головченко"],
    "country": "Belarus",
}
SIGNING_QUOTE = "As a result of the visit to Novosibirsk, contracts worth RUB 1.3 billion were signed."


def signing() -> dict[str, Any]:
    """The contract signing in Novosibirsk, its participants named as the digest names them."""
    return {
        "id": "event:2023-04-27-novosibirsk-contract-signing",
        "kind": "CONTRACT_SIGNING",
        "title": "Contracts signed during the visit to Novosibirsk",
        "date": {"start": "2023-04-27"},
        "participants": [
            {"actor": "Raman Halouchanka", "role": "head_of_delegation"},
            {"actor": "Minsk", "role": "delegation"},
        ],
        "places": ["Novosibirsk region"],
        "evidence": [{"quote": SIGNING_QUOTE, "source": SOURCE}],
        "agreements": [
            {
                "id": "agreement:2023-04-novosibirsk-contracts",
                "kind": "contract",
                "title": "Contracts signed as a result of the visit to Novosibirsk",
                "status": "signed",
                "value": {
                    "amount": "1300000000",
                    "currency": "RUB",
                    "usd": {"amount": "16250000", "rate": "0.0125", "rateDate": "2023-04-28"},
                },
                "parties": [
                    {"actor": "Belarusian government", "side": "belarus"},
                    {"actor": "region:RU-NVS", "side": "russia"},
                ],
                "evidence": [{"quote": "contracts worth RUB 1.3 billion were signed", "source": SOURCE}],
            }
        ],
    }


@pytest.fixture
async def api_with_keys(store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The API with a write key and a read-only key, over a graph holding a digest and a few actors."""
    await load_paths(store, [SEED], reference_dir=None)
    keyed = settings.model_copy(update={"api_keys": f"{WRITER},{READER}"})
    async for client in serve(create_app(keyed)):
        yield client


async def node_count(store: GraphStore) -> int:
    async with store.driver.session(database=store.database) as session:
        record = await (await session.run("MATCH (n) RETURN count(n) AS n")).single(strict=True)
    return int(record["n"])


def error_of(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    error: dict[str, Any] = body["errors"][0]
    return error


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


def _date(event: dict[str, Any]) -> None:
    event["date"] = {"start": "2023-04-27", "end": "2023-04-20"}


def _currency(event: dict[str, Any]) -> None:
    event["agreements"][0]["value"] = {"amount": "1300000000", "currency": "RUR"}


def _amount(event: dict[str, Any]) -> None:
    event["agreements"][0]["value"] = {"amount": "-5", "currency": "USD"}


def _participant(event: dict[str, Any]) -> None:
    event["participants"][1]["actor"] = "Ministry of Silly Walks"


def _source(event: dict[str, Any]) -> None:
    event["evidence"][0]["source"] = "source:a-digest-nobody-loaded"


@pytest.mark.parametrize(
    ("spoil", "argument", "says"),
    [
        (_date, "input.date", "end 2023-04-20 is before start 2023-04-27"),
        (_currency, "input.agreements[0].value.currency", "'RUR' is not an ISO 4217 currency code"),
        (_amount, "input.agreements[0].value.amount", "greater than or equal to 0"),
        (_participant, "input.participants[1].actor", "no actor is called 'Ministry of Silly Walks'"),
        (_source, "input.evidence[0].source", "unknown source 'source:a-digest-nobody-loaded'"),
    ],
    ids=["end before start", "unknown currency", "negative amount", "unknown participant", "unknown source"],
)
async def test_bad_input_names_its_field_and_writes_nothing(
    api_with_keys: httpx.AsyncClient, store: GraphStore, spoil: Any, argument: str, says: str
) -> None:
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    before = await node_count(store)
    event = copy.deepcopy(signing())
    spoil(event)

    body = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=event)
    error = error_of(body)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": argument}
    assert says in error["message"] and argument in error["message"]
    assert await node_count(store) == before


async def test_every_problem_is_reported_at_once(api_with_keys: httpx.AsyncClient) -> None:
    event = signing()
    _date(event)
    _participant(event)
    _amount(event)
    error = error_of(await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=event))
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "input.date" in error["message"] and "input.agreements[0].value.amount" in error["message"]


async def test_a_name_that_is_already_another_actors_is_refused(api_with_keys: httpx.AsyncClient) -> None:
    body = await gql(
        api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input={**GOLOVCHENKO, "aliases": ["Minsk"]}
    )
    error = error_of(body)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "input.aliases[0]"}
    assert "org:government-of-belarus" in error["message"]


async def test_a_city_lies_in_a_region_named_by_its_alias(api_with_keys: httpx.AsyncClient) -> None:
    city = {
        "id": "city:novosibirsk",
        "kind": "CITY",
        "name": "Novosibirsk",
        "aliases": ["Новосибирск"],
        "parent": "Новосибирская область",
        "location": {"lat": 55.03, "lon": 82.92},
    }
    query = """mutation ($input: ActorInput!) { upsertActor(input: $input) {
        id kind parent { id } location { lat lon } } }"""
    body = await gql(api_with_keys, query, headers=AS_WRITER, input=city)
    assert body["data"]["upsertActor"] == {
        "id": "city:novosibirsk",
        "kind": "CITY",
        "parent": {"id": "region:RU-NVS"},
        "location": {"lat": 55.03, "lon": 82.92},
    }
    wrong = await gql(api_with_keys, query, headers=AS_WRITER, input={**city, "orgKind": "company"})
    assert error_of(wrong)["extensions"] == {"code": "BAD_USER_INPUT", "argument": "input.orgKind"}


async def test_a_name_that_looks_like_cypher_is_stored_verbatim(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    before = await node_count(store)
    name = "Robert'}) MATCH (n) DETACH DELETE n //"
    actor = {"id": "org:bobby-tables-ltd", "kind": "ORGANIZATION", "name": name, "orgKind": "company"}
    body = await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=actor)
    assert body["data"]["upsertActor"]["name"] == name
    assert (await node_by_id(store, "actor", "org:bobby-tables-ltd"))["name"] == name
    assert await node_count(store) == before + 2, "the actor and its :Change, nothing deleted"


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
        assert await node_count(store) == before and await history(store, ban["id"]) == []
        [quote] = same["evidence"]
        assert quote["start"] is not None and quote["end"] is not None

        edited = await gql(client, query, headers=AS_WRITER, input={**ban, "summary": "Moldova bans Putin."})
        assert edited["data"]["upsertEvent"] == {"summary": "Moldova bans Putin.", "evidence": [quote]}
        [change] = await history(store, ban["id"])
        assert change.op == "update"
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


@pytest.mark.parametrize(
    ("given", "models"),
    [
        (mutations.ActorInput, [model.Person, model.Organization, model.Country, model.Region, model.City]),
        (mutations.EventInput, model.EventBase.__subclasses__()),
        (mutations.AgreementInput, [model.Agreement]),
        (mutations.DateSpanInput, [model.DateSpan]),
        (mutations.MoneyInput, [model.Money]),
        (mutations.UsdValueInput, [model.UsdValue]),
        (mutations.ParticipantInput, [model.Participant]),
        (mutations.PartyInput, [model.Party]),
        (mutations.EvidenceInput, [model.Evidence]),
        (mutations.GeoPointInput, [model.GeoPoint]),
    ],
)
def test_each_input_offers_exactly_the_fields_of_its_model(
    given: type, models: list[type[BaseModel]]
) -> None:
    """The inputs carry values only; the models (shared with the loader) hold the rules."""
    offered = {field.name for field in dataclasses.fields(given)}
    defined = set().union(*(each.model_fields for each in models))
    assert offered - {"agreements"} == defined, "upsertEvent also takes the agreements it produced, in full"
