"""An analyst asks the flagship question: which Russian regions did Minsk engage, when, and with what
contract values?"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import gql

FLAGSHIP = """
query {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
    region { id name isoCode }
    events { totalCount edges { node { id kind title startDate endDate } } }
    contractValue { amount currency }
  }
}
"""

ASK = """
query ($actor: String!, $country: String!, $from: Date, $to: Date) {
  regionEngagements(actor: $actor, country: $country, from: $from, to: $to) {
    region { isoCode }
    contractValue { amount currency }
    contractValues { amount currency }
  }
}
"""


def regions(body: dict[str, Any]) -> list[str]:
    return [row["region"]["isoCode"] for row in body["data"]["regionEngagements"]]


async def test_the_flagship_answer_on_the_seed(main_seed_api: httpx.AsyncClient) -> None:
    body = await gql(main_seed_api, FLAGSHIP)
    assert "errors" not in body
    rows = body["data"]["regionEngagements"]
    assert [(r["region"]["id"], r["region"]["name"], r["region"]["isoCode"]) for r in rows] == [
        ("region:RU-NVS", "Novosibirsk Oblast", "RU-NVS"),
        ("region:RU-IRK", "Irkutsk Oblast", "RU-IRK"),
        ("region:RU-SVE", "Sverdlovsk Oblast", "RU-SVE"),
    ]
    assert [r["contractValue"] for r in rows] == [{"amount": "13000000", "currency": "USD"}, None, None]
    for row in rows:
        assert row["events"]["totalCount"] == len(row["events"]["edges"]), "every event fits the first page"
    novosibirsk = {e["node"]["id"]: e["node"] for e in rows[0]["events"]["edges"]}
    assert novosibirsk["event:2023-04-26-golovchenko-novosibirsk-visit"] == {
        "id": "event:2023-04-26-golovchenko-novosibirsk-visit",
        "kind": "VISIT",
        "title": "Belarusian government delegation in Novosibirsk Oblast",
        "startDate": "2023-04-26",
        "endDate": "2023-04-28",
    }
    assert novosibirsk["event:2023-04-26-novosibirsk-contract-signing"]["kind"] == "CONTRACT_SIGNING"
    assert "event:2023-04-26-golovchenko-russian-regions-visit" in novosibirsk
    for row in rows[1:]:
        kinds = {e["node"]["kind"] for e in row["events"]["edges"]}
        assert kinds == {"VISIT"}, "Irkutsk and Sverdlovsk: the trip and its leg, no signing"


@pytest.mark.parametrize(
    "actor", ["Minsk", "Belarus", "Government of Belarus", "org:government-of-belarus", "minsk"]
)
@pytest.mark.parametrize("country", ["RU", "Russia", "country:RU"])
async def test_any_name_of_the_belarusian_state_gives_the_same_answer(
    main_seed_api: httpx.AsyncClient, actor: str, country: str
) -> None:
    body = await gql(main_seed_api, ASK, actor=actor, country=country)
    assert regions(body) == ["RU-NVS", "RU-IRK", "RU-SVE"]


async def test_dates_outside_the_trip_find_nothing(main_seed_api: httpx.AsyncClient) -> None:
    before = await gql(main_seed_api, ASK, actor="Minsk", country="RU", to="2023-04-25")
    after = await gql(main_seed_api, ASK, actor="Minsk", country="RU", **{"from": "2023-04-29"})
    overlapping = await gql(main_seed_api, ASK, actor="Minsk", country="RU", **{"from": "2023-04-28"})
    assert regions(before) == [] and regions(after) == []
    assert regions(overlapping) == ["RU-NVS", "RU-IRK", "RU-SVE"]


async def test_all_digests_add_the_victory_day_trip_to_moscow(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(
        seeded_api, ASK, actor="Minsk", country="RU", **{"from": "2023-01-01", "to": "2023-12-31"}
    )
    assert regions(body)[:1] == ["RU-NVS"]
    assert {"RU-IRK", "RU-SVE", "RU-MOW"} <= set(regions(body))


async def test_an_unknown_actor_is_a_bad_argument_with_suggestions(main_seed_api: httpx.AsyncClient) -> None:
    body = await gql(main_seed_api, ASK, actor="Minks", country="RU")
    error = body["errors"][0]
    candidates = error["extensions"].pop("candidates")
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "actor"}
    assert "org:government-of-belarus" in [candidate["id"] for candidate in candidates]
    assert "no actor is called 'Minks'" in error["message"]
    assert "Minsk" in error["message"] or "government-of-belarus" in error["message"]


async def test_a_country_must_be_a_country(main_seed_api: httpx.AsyncClient) -> None:
    body = await gql(main_seed_api, ASK, actor="Minsk", country="Novosibirsk Oblast")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "country"}


async def test_from_after_to_is_refused(main_seed_api: httpx.AsyncClient) -> None:
    body = await gql(
        main_seed_api, ASK, actor="Minsk", country="RU", **{"from": "2023-05-01", "to": "2023-04-01"}
    )
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["argument"] == "to"
