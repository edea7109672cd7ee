"""An analyst explores the seed in GraphiQL: actors, events, agreements, sources, search, timelines, paths."""

from __future__ import annotations

import httpx

from tests.conftest import gql


async def test_an_actor_by_any_of_its_names_with_offices_and_events(seeded_api: httpx.AsyncClient) -> None:
    query = """query ($name: String!) { actor(name: $name) {
        id kind name aliases country { id }
        events(first: 2) { totalCount edges { node { startDate } } pageInfo { hasNextPage } } } }"""
    for name in ("Lukashenko", "Лукашенко", "Aliaksandr Lukashenka", "person:alexander-lukashenka"):
        actor = (await gql(seeded_api, query, name=name))["data"]["actor"]
        assert actor["id"] == "person:alexander-lukashenka"
    assert actor["kind"] == "PERSON"
    assert {"Lukashenko", "Лукашенко", "Лукашэнка"} <= set(actor["aliases"])
    assert actor["country"] == {"id": "country:BY"}
    dates = [edge["node"]["startDate"] for edge in actor["events"]["edges"]]
    assert dates == sorted(dates) and actor["events"]["pageInfo"]["hasNextPage"]
    assert actor["events"]["totalCount"] > 2


async def test_who_holds_which_office_and_who_says_so(seeded_api: httpx.AsyncClient) -> None:
    query = """{ actor(name: "Golovchenko") {
        offices { title of { id } evidence { quote source { title } } } } }"""
    offices = (await gql(seeded_api, query))["data"]["actor"]["offices"]
    assert offices[0]["title"] == "Prime Minister"
    assert offices[0]["of"] == {"id": "org:government-of-belarus"}
    assert offices[0]["evidence"][0]["quote"] == (
        "a Belarusian government delegation headed by Prime Minister Roman Golovchenko"
    )
    assert offices[0]["evidence"][0]["source"]["title"] == "The peace-loving region of the Union State"


async def test_the_ban_with_its_issuer_target_and_evidence(seeded_api: httpx.AsyncClient) -> None:
    query = """{ events(kinds: [BAN]) { totalCount edges { node {
        title startDate datePrecision participants { role actor { id } } places { isoCode }
        evidence { quote start end source { title url publisher periodStart periodEnd } } } } } }"""
    events = (await gql(seeded_api, query))["data"]["events"]
    ban = events["edges"][0]["node"]
    assert events["totalCount"] == 1
    assert ban["startDate"] == "2023-04-28" and ban["datePrecision"] == "DAY"
    assert ban["participants"] == [
        {"role": "issuer", "actor": {"id": "country:MD"}},
        {"role": "target", "actor": {"id": "person:vladimir-putin"}},
    ]
    evidence = ban["evidence"][0]
    assert evidence["quote"] == "Vladimir Putin (who was banned from entering Moldova on April 28th)"
    assert evidence["end"] - evidence["start"] == len(evidence["quote"])
    assert evidence["source"] == {
        "title": "The peace-loving region of the Union State",
        "url": "https://belarusinfocus.pro/belarus-russia-relations/the-peace-loving-region-of-the-union-state",
        "publisher": "Belarus in Focus",
        "periodStart": "2023-04-24",
        "periodEnd": "2023-04-30",
    }


async def test_a_leg_knows_its_trip_and_the_trip_its_legs(seeded_api: httpx.AsyncClient) -> None:
    query = """{ event(id: "event:2023-04-26-golovchenko-novosibirsk-visit") {
        trip { id legs { places { isoCode parent { id } location { lat lon } } } } } }"""
    trip = (await gql(seeded_api, query))["data"]["event"]["trip"]
    assert trip["id"] == "event:2023-04-26-golovchenko-russian-regions-visit"
    places = [leg["places"][0] for leg in trip["legs"]]
    assert sorted(p["isoCode"] for p in places) == ["RU-IRK", "RU-NVS", "RU-SVE"]
    assert all(p["parent"] == {"id": "country:RU"} and p["location"] for p in places)


async def test_the_contract_its_value_parties_and_signing(seeded_api: httpx.AsyncClient) -> None:
    query = """{ agreements(party: "Novosibirsk Oblast", minValueUsd: 1000000) { totalCount edges { node {
        id kind status value { amount currency } parties { side actor { id } } producedBy { id }
        evidence { quote } } } } }"""
    found = (await gql(seeded_api, query))["data"]["agreements"]
    contract = found["edges"][0]["node"]
    assert found["totalCount"] == 1
    assert contract["value"] == {"amount": "13000000", "currency": "USD"}
    assert {p["actor"]["id"] for p in contract["parties"]} == {"org:government-of-belarus", "region:RU-NVS"}
    assert contract["producedBy"] == [{"id": "event:2023-04-26-novosibirsk-contract-signing"}]
    assert contract["evidence"][0]["quote"].startswith("As a result of the visit to Novosibirsk")
    more = await gql(seeded_api, "{ agreements(minValueUsd: 20000000) { totalCount } }")
    assert more["data"]["agreements"]["totalCount"] == 0


async def test_sources_and_the_events_each_states(seeded_api: httpx.AsyncClient) -> None:
    sources = (await gql(seeded_api, "{ sources { totalCount edges { node { id periodStart } } } }"))["data"]
    assert sources["sources"]["totalCount"] == 4
    query = """{ events(source: "source:bif-2023-04-24-peace-loving-region", kinds: [STATEMENT]) {
        edges { node { content participants { actor { id } } } } } }"""
    contents = [e["node"]["content"] for e in (await gql(seeded_api, query))["data"]["events"]["edges"]]
    assert "he “does not want to fight” or “send Belarusians to the front”" in contents
    assert "no one is going to attack" in contents


async def test_places_by_country_and_events_by_place(seeded_api: httpx.AsyncClient) -> None:
    places = await gql(seeded_api, '{ places(kinds: [REGION], country: "Russia") { totalCount } }')
    assert places["data"]["places"]["totalCount"] == 83
    query = '{ events(place: "Irkutsk Oblast") { edges { node { id } } } }'
    ids = {e["node"]["id"] for e in (await gql(seeded_api, query))["data"]["events"]["edges"]}
    assert ids == {
        "event:2023-04-26-golovchenko-irkutsk-visit",
        "event:2023-04-26-golovchenko-russian-regions-visit",
    }


async def test_search_ranks_names_titles_and_quotes(seeded_api: httpx.AsyncClient) -> None:
    hits = (await gql(seeded_api, '{ search(text: "microelectronics") { kind id matched } }'))["data"][
        "search"
    ]
    assert hits[0]["id"] == "event:2023-04-belarusian-officials-siberia-interests"
    typo = (await gql(seeded_api, '{ search(text: "Lukaschenko", kinds: ["Actor"]) { id } }'))["data"][
        "search"
    ]
    assert typo[0]["id"] == "person:alexander-lukashenka"


async def test_a_timeline_in_date_order(seeded_api: httpx.AsyncClient) -> None:
    query = '{ timeline(actor: "Lukashenka", from: "2023-04-01", to: "2023-05-31") { startDate title } }'
    events = (await gql(seeded_api, query))["data"]["timeline"]
    dates = [e["startDate"] for e in events]
    assert dates == sorted(dates) and all("2023-04-01" <= d <= "2023-05-31" for d in dates)
    assert any("does not want to fight" in e["title"] for e in events)


async def test_resolve_tolerates_transliteration_cyrillic_and_typos(seeded_api: httpx.AsyncClient) -> None:
    query = "query ($name: String!) { resolve(name: $name, first: 3) { score matched actor { id } } }"
    for name in ("Lukashenko", "Lukaschenko", "Лукашенко", "lukashenka"):
        best = (await gql(seeded_api, query, name=name))["data"]["resolve"][0]
        assert best["actor"]["id"] == "person:alexander-lukashenka", name
        assert best["score"] >= 0.9
    exact = (await gql(seeded_api, query, name="Лукашенко"))["data"]["resolve"][0]
    assert exact == {"score": 1.0, "matched": "Лукашенко", "actor": {"id": "person:alexander-lukashenka"}}


async def test_connections_between_two_actors_as_nodes_and_edges(seeded_api: httpx.AsyncClient) -> None:
    query = """{ connections(from: "Golovchenko", to: "Novosibirsk Oblast", maxHops: 2) {
        nodes { id kind } edges { source type target } } }"""
    path = (await gql(seeded_api, query))["data"]["connections"]
    ids = {node["id"] for node in path["nodes"]}
    assert {
        "person:roman-golovchenko",
        "region:RU-NVS",
        "event:2023-04-26-golovchenko-novosibirsk-visit",
    } <= ids
    assert {
        "source": "event:2023-04-26-golovchenko-novosibirsk-visit",
        "type": "IN_PLACE",
        "target": "region:RU-NVS",
    } in path["edges"]
    too_far = await gql(
        seeded_api, '{ connections(from: "Putin", to: "Travnikov", maxHops: 5) { truncated } }'
    )
    assert too_far["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "maxHops"}


async def test_unknown_ids_are_not_found(seeded_api: httpx.AsyncClient) -> None:
    body = await gql(seeded_api, '{ event(id: "event:nope") { id } }')
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert body["errors"][0]["message"] == "no event with id 'event:nope'"


async def test_arguments_that_look_like_cypher_are_data(seeded_api: httpx.AsyncClient) -> None:
    injection = "x'}) MATCH (n) DETACH DELETE n //"
    body = await gql(
        seeded_api, "query ($t: String!) { search(text: $t) { id } actor(name: $t) { id } }", t=injection
    )
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    count = await gql(seeded_api, "{ sources { totalCount } }")
    assert count["data"]["sources"]["totalCount"] == 4
