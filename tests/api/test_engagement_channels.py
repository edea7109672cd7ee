"""How a region was engaged: an analyst asks through what (a visit, an agreement, the region taking part,
an event about it), narrows to some of those, and leaves out the federal cities."""

from __future__ import annotations

from typing import Any

import httpx

from graph.model.actors import ISO_3166_2_RU_CATEGORIES, SUBJECT_KINDS
from tests.conftest import gql

ASK = """
query ($through: [EngagedThrough!], $regionKinds: [SubjectKind!], $asOf: DateTime) {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31",
                    through: $through, regionKinds: $regionKinds, asOf: $asOf) {
    region { isoCode subjectKind }
    through
    eventsAbout
    events { totalCount edges { node { id } } }
    contractValue { amount currency }
  }
}
"""
WORKING_GROUP = "event:2023-07-28-belarus-pskov-working-group-meeting"


async def rows(api: httpx.AsyncClient, **variables: Any) -> dict[str, dict[str, Any]]:
    body = await gql(api, ASK, **variables)
    assert "errors" not in body, body
    return {row["region"]["isoCode"]: row for row in body["data"]["regionEngagements"]}


async def test_the_pskov_working_group_makes_pskov_a_region_minsk_engaged_in_2023(
    seeded_api: httpx.AsyncClient,
) -> None:
    """A Belarusian Deputy Prime Minister met the Pskov region's working group; the region is linked to the
    meeting only as its subject."""
    found = await rows(seeded_api)
    pskov = found["RU-PSK"]
    assert pskov["through"] == ["SUBJECT"]
    assert pskov["eventsAbout"] == 1
    assert [e["node"]["id"] for e in pskov["events"]["edges"]] == [WORKING_GROUP]
    assert pskov["events"]["totalCount"] == 1
    assert found["RU-NVS"]["through"] == ["VISIT", "AGREEMENT"]
    assert found["RU-NVS"]["eventsAbout"] == 0
    assert found["RU-MOW"]["through"] == ["VISIT"]


async def test_through_narrows_the_links_that_count(seeded_api: httpx.AsyncClient) -> None:
    visits_and_deals = await rows(seeded_api, through=["VISIT", "AGREEMENT"])
    assert "RU-PSK" not in visits_and_deals
    assert {"RU-NVS", "RU-IRK", "RU-SVE", "RU-MOW"} <= set(visits_and_deals)
    subjects = await rows(seeded_api, through=["SUBJECT"])
    assert list(subjects) == ["RU-PSK"]
    deals = await rows(seeded_api, through=["AGREEMENT"])
    assert list(deals) == ["RU-NVS"]
    assert deals["RU-NVS"]["events"] == {"totalCount": 0, "edges": []}, (
        "no event counts when only agreements are asked for"
    )
    assert deals["RU-NVS"]["contractValue"] == {"amount": "13000000", "currency": "USD"}


async def test_regions_without_moscow_and_saint_petersburg_is_one_argument(
    seeded_api: httpx.AsyncClient,
) -> None:
    every_kind_but_federal_cities = [kind.upper() for kind in SUBJECT_KINDS if kind != "federal_city"]
    found = await rows(seeded_api, regionKinds=every_kind_but_federal_cities)
    assert "RU-MOW" not in found
    assert {"RU-NVS", "RU-PSK"} <= set(found)
    assert {row["region"]["subjectKind"] for row in found.values()} == {"OBLAST"}
    only_cities = await rows(seeded_api, regionKinds=["FEDERAL_CITY"])
    assert list(only_cities) == ["RU-MOW"]


async def test_as_of_keeps_the_channels(seeded_api: httpx.AsyncClient) -> None:
    found = await rows(seeded_api, asOf="2100-01-01T00:00:00Z")
    assert found["RU-PSK"]["through"] == ["SUBJECT"]
    assert found["RU-NVS"]["through"] == ["VISIT", "AGREEMENT"]


async def test_an_empty_or_unknown_narrowing_is_refused(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(seeded_api, ASK, through=[])
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "through"}
    body = await gql(seeded_api, ASK, regionKinds=[])
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "regionKinds"}


def test_every_iso_3166_2_ru_category_is_a_subject_kind() -> None:
    assert sorted(ISO_3166_2_RU_CATEGORIES.values()) == sorted(SUBJECT_KINDS)
