"""An analyst loads the first digest (24-30 April 2023) and finds in Neo4j exactly the facts it states,
each linked to its places, dates and the passage that says so."""

from __future__ import annotations

from typing import Any

from graph.load import load_seed_directory
from graph.store import GraphStore
from tests.conftest import SEED

SOURCE = "source:bif-2023-04-24-peace-loving-region"


async def cypher(store: GraphStore, query: str, **params: Any) -> list[dict[str, Any]]:
    async with store.driver.session(database=store.database) as session:
        return [record.data() async for record in await session.run(query, params)]


async def test_the_digest_yields_exactly_its_facts(main_seed_store: GraphStore) -> None:
    rows = await cypher(
        main_seed_store,
        """MATCH (n) WHERE n:Event OR n:Agreement OR n:Office OR n:Claim OR n:Source OR n:Day
           UNWIND labels(n) AS label RETURN label, count(*) AS count""",
    )
    assert {row["label"]: row["count"] for row in rows} == {
        "Event": 12, "Visit": 4, "ContractSigning": 1, "Statement": 4, "Ban": 1, "Publication": 1,
        "Meeting": 1, "Agreement": 1, "Contract": 1, "Office": 2, "Claim": 10, "Source": 1, "Day": 8,
    }  # fmt: skip
    unsourced = await cypher(
        main_seed_store,
        "MATCH (n) WHERE (n:Event OR n:Agreement OR n:Claim) AND NOT (n)-[:EVIDENCE]->(:Source {id: $s}) "
        "RETURN n.id AS id",
        s=SOURCE,
    )
    assert unsourced == [], "every fact points at the passage that states it"


async def test_one_trip_with_a_leg_per_region_on_the_days_it_covers(main_seed_store: GraphStore) -> None:
    legs = await cypher(
        main_seed_store,
        """MATCH (leg:Visit)-[:PART_OF]->(:Visit {id: 'event:2023-04-26-golovchenko-russian-regions-visit'})
           MATCH (leg)-[:IN_PLACE]->(region:Region)
           MATCH (leg)-[:PARTICIPANT {role: 'head_of_delegation'}]->(:Person {id: 'person:roman-golovchenko'})
           MATCH (leg)-[:ON]->(day:Day)
           RETURN region.iso_code AS region, collect(toString(day.date)) AS days ORDER BY region""",
    )
    assert [(leg["region"], sorted(leg["days"])) for leg in legs] == [
        (iso, ["2023-04-26", "2023-04-27", "2023-04-28"]) for iso in ("RU-IRK", "RU-NVS", "RU-SVE")
    ]


async def test_the_13_million_dollar_contract_with_novosibirsk(main_seed_store: GraphStore) -> None:
    [contract] = await cypher(
        main_seed_store,
        """MATCH (:Visit {id: 'event:2023-04-26-golovchenko-novosibirsk-visit'})
                 <-[:PART_OF]-(signing:ContractSigning)-[:PRODUCED]->(c:Contract)
           MATCH (c)-[:PARTY]->(region:Region), (c)-[:PARTY]->(belarus:Organization)
           MATCH (c)-[ev:EVIDENCE]->(:Source)
           RETURN c.value_amount AS amount, c.value_currency AS currency, region.iso_code AS region,
                  belarus.id AS belarus, ev.quote AS quote""",
    )
    assert contract == {
        "amount": "13000000",
        "currency": "USD",
        "region": "RU-NVS",
        "belarus": "org:government-of-belarus",
        "quote": "As a result of the visit to Novosibirsk, contracts worth USD 13 million were signed.",
    }


async def test_the_ban_on_putin_entering_moldova(main_seed_store: GraphStore) -> None:
    [ban] = await cypher(
        main_seed_store,
        """MATCH (b:Ban)-[:PARTICIPANT {role: 'issuer'}]->(issuer)
           MATCH (b)-[:PARTICIPANT {role: 'target'}]->(target)
           MATCH (b)-[:ON]->(day:Day)
           RETURN issuer.id AS issuer, target.id AS target, collect(toString(day.date)) AS days""",
    )
    assert ban == {"issuer": "country:MD", "target": "person:vladimir-putin", "days": ["2023-04-28"]}


async def test_lukashenkas_statements_in_his_exact_words(main_seed_store: GraphStore) -> None:
    rows = await cypher(
        main_seed_store,
        """MATCH (s:Statement)-[:PARTICIPANT {role: 'speaker'}]->(:Person {id: 'person:alexander-lukashenka'})
           MATCH (s)-[ev:EVIDENCE]->(:Source)
           RETURN s.content AS content, toString(s.start_date) AS day, collect(ev.quote) AS quotes""",
    )
    by_content = {row["content"]: row for row in rows}
    fight = by_content["he “does not want to fight” or “send Belarusians to the front”"]
    assert fight["day"] == "2023-04-28"
    assert fight["quotes"] == [
        "on April 28th, he announced that he “does not want to fight” or “send Belarusians to the front”"
    ]
    assert "no one is going to attack" in by_content
    assert any("“saved” Belarus from nationalism" in content for content in by_content)


async def test_travnikov_governs_novosibirsk_and_the_digests_figures(main_seed_store: GraphStore) -> None:
    [office] = await cypher(
        main_seed_store,
        """MATCH (:Person {id: 'person:andrei-travnikov'})-[h:HOLDS]->(r:Region)
           RETURN h.title AS title, r.iso_code AS region""",
    )
    assert office == {"title": "Governor", "region": "RU-NVS"}
    figures = await cypher(
        main_seed_store,
        "MATCH (c:Claim)-[:ABOUT]->(a) WHERE c.property IS NOT NULL "
        "RETURN a.id AS about, c.property AS p, c.value AS v",
    )
    assert {(f["about"], f["p"], f["v"]) for f in figures} == {
        ("city:novosibirsk", "population", 1630000),
        ("region:RU-NVS", "population", 2790000),
        ("city:novosibirsk", "size_rank_in_country", 3),
    }


async def snapshot(store: GraphStore) -> tuple[list[Any], list[Any]]:
    nodes = await cypher(store, "MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = await cypher(
        store,
        """MATCH (a)-[r]->(b) RETURN coalesce(a.id, toString(a.date)) AS a, type(r) AS t,
           coalesce(b.id, toString(b.date)) AS b, properties(r) AS p""",
    )
    return sorted(repr(n) for n in nodes), sorted(repr(r) for r in rels)


async def test_loading_the_whole_seed_twice_gives_an_identical_graph(store: GraphStore) -> None:
    await load_seed_directory(store, SEED)
    first = await snapshot(store)
    summary = await load_seed_directory(store, SEED)
    assert await snapshot(store) == first
    assert summary.changed == 0 and summary.nodes_created == 0 and summary.relationships_created == 0
