"""What the mutation tests share: an analyst's keys, the digest's contract signing as input, and helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.api_keys import new_key
from graph.store import GraphStore

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


async def node_count(store: GraphStore) -> int:
    async with store.driver.session(database=store.database) as session:
        record = await (await session.run("MATCH (n) RETURN count(n) AS n")).single(strict=True)
    return int(record["n"])


def error_of(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    error: dict[str, Any] = body["errors"][0]
    return error
