"""The loader, as an analyst uses it: load digests, load them again, fix them, and be told what is wrong."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

import yaml

from graph.load import load_paths, load_seed_directory
from graph.store import GraphStore
from tests.graph.snapshot import facts_and_links

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = FIXTURES / "reference"
DIGEST = FIXTURES / "peace-loving-region.yaml"
VISIT = "event:2023-04-26-golovchenko-russian-regions-visit"

NODES = (
    "MATCH (n) WHERE $changes OR NOT n:Change "
    "RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS props"
)
RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) RETURN elementId(r) AS element, coalesce(a.id, toString(a.date)) AS start, "
    "type(r) AS type, properties(r) AS props, "
    "coalesce(b.id, toString(b.date), toString(b.month), toString(b.year), toString(b.decade)) AS end"
)


async def graph_snapshot(
    store: GraphStore, *, with_element_ids: bool = True, changes: bool = True
) -> list[str]:
    """Every node and relationship with its labels and properties, as sorted text; without the history
    (:Change, :Load and :Report records, time stamps: tests/graph/snapshot.py) if `changes` is False, to
    compare what two loads wrote."""
    if not changes:
        return await facts_and_links(store)
    lines: list[str] = []
    async with store.driver.session(database=store.database) as session:
        for query in (NODES, RELATIONSHIPS):
            for record in await (await session.run(query, changes=changes)).data():
                if not with_element_ids:
                    record.pop("element")
                for key in ("labels",):
                    if key in record:
                        record[key] = sorted(record[key])
                record["props"] = sorted(record["props"].items())
                lines.append(repr(sorted(record.items())))
    return sorted(lines)


async def rows(store: GraphStore, query: str, **params: Any) -> list[dict[str, Any]]:
    async with store.driver.session(database=store.database) as session:
        return await (await session.run(query, params)).data()


async def load(store: GraphStore, *paths: Path, **options: Any) -> Any:
    return await load_paths(store, list(paths), reference_dir=REFERENCE, **options)


def copy_digest(folder: Path) -> Path:
    shutil.copytree(FIXTURES / "sources", folder / "sources", dirs_exist_ok=True)
    return Path(shutil.copy(DIGEST, folder / DIGEST.name))


async def test_loading_the_same_digest_twice_leaves_the_graph_exactly_as_it_was(store: GraphStore) -> None:
    first = await load(store, DIGEST)
    after_first = await graph_snapshot(store)

    second = await load(store, DIGEST)

    assert await graph_snapshot(store) == after_first
    assert first.counts["Visit"].created == 1
    assert second.changed == 0
    assert second.counts["Visit"].unchanged == 1
    assert (second.nodes_created, second.relationships_created, second.relationships_deleted) == (0, 0, 0)


async def test_the_digest_becomes_actors_events_and_evidence(store: GraphStore) -> None:
    await load(store, DIGEST)

    participants = await rows(
        store,
        "MATCH (:Visit {id: $id})-[p:PARTICIPANT]->(a:Person) RETURN a.name AS name, p.role AS role",
        id=VISIT,
    )
    assert participants == [{"name": "Roman Golovchenko", "role": "head_of_delegation"}]
    places = await rows(
        store, "MATCH (:Event {id: $id})-[:IN_PLACE]->(p:Region) RETURN p.iso_code AS c", id=VISIT
    )
    assert sorted(p["c"] for p in places) == ["RU-IRK", "RU-NVS", "RU-SVE"]
    days = await rows(store, "MATCH (:Event {id: $id})-[:ON]->(d:Day) RETURN toString(d.date) AS d", id=VISIT)
    assert sorted(d["d"] for d in days) == ["2023-04-26", "2023-04-27", "2023-04-28"]
    evidence = await rows(
        store,
        "MATCH (:Event {id: $id})-[e:EVIDENCE]->(s:Source) "
        "RETURN e.quote AS quote, e.start AS start, s.title AS t",
        id=VISIT,
    )
    text = (FIXTURES / "sources" / "peace-loving-region.txt").read_text(encoding="utf-8")
    assert evidence[0]["t"] == "The peace-loving region of the Union State"
    assert text[evidence[0]["start"] :].startswith(evidence[0]["quote"])
    contract = await rows(
        store,
        "MATCH (:ContractSigning)-[:PRODUCED]->(c:Contract)-[:PARTY {side: 'russia'}]->(r:Region) "
        "RETURN c.value_amount AS amount, c.value_currency AS currency, c.value_usd AS usd, r.id AS region",
    )
    assert contract == [
        {"amount": "13000000", "currency": "USD", "usd": 13_000_000.0, "region": "region:RU-NVS"}
    ]
    governor = await rows(
        store,
        "MATCH (p:Person)-[h:HOLDS]->(r:Region), (o:Office {id: h.id})-[:EVIDENCE]->(:Source) "
        "RETURN p.name AS person, h.title AS title, r.id AS region",
    )
    assert governor == [{"person": "Andrei Travnikov", "title": "Governor", "region": "region:RU-NVS"}]


async def test_names_and_aliases_resolve_to_the_actors_they_mean(store: GraphStore, tmp_path: Path) -> None:
    digest = tmp_path / "minsk.yaml"
    (tmp_path / "minsk.txt").write_text("Lukashenko met Putin in Minsk.", encoding="utf-8")
    digest.write_text(
        textwrap.dedent("""\
            source: {id: "source:minsk", title: Minsk, text_file: minsk.txt}
            events:
              - id: event:minsk-meeting
                kind: meeting
                title: A meeting in Minsk
                date: 2023-05-01
                participants: [{actor: LUKASHENKO, role: host}, {actor: Путин, role: guest}]
                places: [Minsk]
                evidence: [{quote: Lukashenko met Putin in Minsk}]
            """),
        encoding="utf-8",
    )
    await load(store, digest)

    found = await rows(
        store,
        "MATCH (e:Meeting)-[p:PARTICIPANT]->(a) WITH e, a ORDER BY a.id "
        "MATCH (e)-[:IN_PLACE]->(place) RETURN collect(a.id) AS who, place.id AS where",
    )
    assert found == [
        {"who": ["person:aliaksandr-lukashenka", "person:vladimir-putin"], "where": "city:minsk"}
    ]


async def test_reloading_an_edited_digest_updates_it_and_drops_what_it_no_longer_says(
    store: GraphStore, tmp_path: Path
) -> None:
    digest = copy_digest(tmp_path)
    await load(store, digest)
    edited = yaml.safe_load(digest.read_text(encoding="utf-8"))
    visit = edited["events"][0]
    visit["places"] = ["Novosibirsk region", "Irkutsk region"]
    visit["participants"][1]["role"] = "member"
    visit["date"] = {"start": "2023-04-26", "end": "2023-04-27"}
    edited["agreements"][0]["kind"] = "memorandum"
    edited["offices"][0]["of"] = "city:novosibirsk"
    digest.write_text(yaml.safe_dump(edited, allow_unicode=True), encoding="utf-8")

    summary = await load(store, digest)

    assert (summary.counts["Visit"].updated, summary.counts["Visit"].unchanged) == (1, 0)
    assert summary.counts["Memorandum"].updated == 1
    assert summary.counts["Office"].updated == 1
    assert summary.counts["Statement"].unchanged == 1
    places = await rows(
        store, "MATCH (:Event {id: $id})-[:IN_PLACE]->(p) RETURN p.id AS id ORDER BY id", id=VISIT
    )
    assert places == [{"id": "region:RU-IRK"}, {"id": "region:RU-NVS"}]
    roles = await rows(
        store, "MATCH (:Event {id: $id})-[p:PARTICIPANT]->() RETURN p.role AS r ORDER BY r", id=VISIT
    )
    assert roles == [{"r": "head_of_delegation"}, {"r": "member"}]
    days = await rows(store, "MATCH (:Event {id: $id})-[:ON]->(d) RETURN count(d) AS n", id=VISIT)
    assert days == [{"n": 2}]
    labels = await rows(store, "MATCH (a:Agreement) RETURN labels(a) AS labels")
    assert sorted(labels[0]["labels"]) == ["Agreement", "Memorandum"]
    holds = await rows(store, "MATCH (:Person {name: 'Andrei Travnikov'})-[:HOLDS]->(x) RETURN x.id AS id")
    assert holds == [{"id": "city:novosibirsk"}]


async def test_an_event_already_written_by_other_means_is_merged_not_duplicated(store: GraphStore) -> None:
    await rows(
        store,
        "CREATE (e:Event {id: $id})-[:PARTICIPANT {role: 'head_of_delegation'}]->"
        "(:Actor {id: 'person:roman-golovchenko'})",
        id=VISIT,
    )

    await load(store, DIGEST)

    found = await rows(
        store,
        "MATCH (e:Event {id: $id})-[p:PARTICIPANT]->() RETURN count(DISTINCT e) AS events, count(p) AS links",
        id=VISIT,
    )
    assert found == [{"events": 1, "links": 2}]


async def test_json_and_csv_say_the_same_as_yaml(store: GraphStore, tmp_path: Path) -> None:
    await load(store, DIGEST)
    from_yaml = await graph_snapshot(store, with_element_ids=False, changes=False)
    await rows(store, "MATCH (n) DETACH DELETE n")
    as_json = tmp_path / "peace-loving-region.json"
    shutil.copytree(FIXTURES / "sources", tmp_path / "sources")
    as_json.write_text(
        json.dumps(yaml.safe_load(DIGEST.read_text(encoding="utf-8")), default=str), encoding="utf-8"
    )

    await load(store, as_json)

    assert await graph_snapshot(store, with_element_ids=False, changes=False) == from_yaml


async def test_batch_size_changes_nothing_but_speed(store: GraphStore) -> None:
    await load(store, DIGEST, batch_size=1)
    one_by_one = await graph_snapshot(store, with_element_ids=False, changes=False)
    await rows(store, "MATCH (n) DETACH DELETE n")

    await load(store, DIGEST, batch_size=500)

    assert await graph_snapshot(store, with_element_ids=False, changes=False) == one_by_one


async def test_a_dry_run_reports_what_would_happen_and_writes_nothing(store: GraphStore) -> None:
    summary = await load(store, DIGEST, dry_run=True)

    assert summary.counts["Visit"].created == 1
    assert await graph_snapshot(store) == []


async def test_digests_may_refer_to_each_other_in_any_order(store: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text("The trip. Its first leg.", encoding="utf-8")
    (tmp_path / "a-leg.yaml").write_text(
        textwrap.dedent("""\
            source: {id: 'source:a', title: A, text_file: text.txt}
            events:
              - {id: 'event:leg', kind: visit, title: Leg, date: 2023-05-02, part_of: 'event:trip',
                 places: [Minsk], participants: [{actor: Zed Zedov, role: guest}],
                 evidence: [{quote: Its first leg}]}
            """)
    )
    (tmp_path / "b-trip.yaml").write_text(
        textwrap.dedent("""\
            source: {id: 'source:b', title: B, text_file: text.txt}
            actors: [{id: 'person:zed', kind: person, name: Zed Zedov}]
            events:
              - {id: 'event:trip', kind: visit, title: Trip, date: 2023-05, evidence: [{quote: The trip}]}
            """)
    )

    await load(store, tmp_path)

    trip = await rows(store, "MATCH (:Visit {id: 'event:leg'})-[:PART_OF]->(t:Visit) RETURN t.title AS title")
    assert trip == [{"title": "Trip"}]
    guest = await rows(
        store, "MATCH (:Visit {id: 'event:leg'})-[:PARTICIPANT]->(p:Person) RETURN p.name AS name"
    )
    assert guest == [{"name": "Zed Zedov"}]


async def test_a_name_that_looks_like_cypher_is_stored_verbatim_and_does_nothing(
    store: GraphStore, tmp_path: Path
) -> None:
    await load(store, DIGEST)
    before = len(await graph_snapshot(store))
    name = "Robert'}) MATCH (n) DETACH DELETE n //"
    alias = '"}) WITH 1 AS x MATCH (m) SET m.pwned = true RETURN x //'
    people = tmp_path / "people.yaml"
    people.write_text(
        yaml.safe_dump(
            {"actors": [{"id": "person:bobby", "kind": "person", "name": name, "aliases": [alias]}]}
        )
    )

    await load(store, people)

    stored = await rows(
        store, "MATCH (p:Person {id: 'person:bobby'}) RETURN p.name AS name, p.aliases AS aliases"
    )
    assert stored == [{"name": name, "aliases": [alias]}]
    assert len(await graph_snapshot(store)) == before + 4, (
        "the person, the :Change record of its file, and the ids it wrote (a :LoadIds node and its link)"
    )
    assert await rows(store, "MATCH (m) WHERE m.pwned RETURN m") == []


async def test_load_seed_directory_loads_reference_data_first(store: GraphStore, tmp_path: Path) -> None:
    shutil.copytree(REFERENCE, tmp_path / "reference")
    copy_digest(tmp_path)

    summary = await load_seed_directory(store, tmp_path)

    assert [Path(name).parent.name for name in summary.files] == ["reference", "reference", tmp_path.name]
    assert summary.counts["Region"].created == 3
    assert summary.counts["Visit"].created == 1


# --- bad input -------------------------------------------------------------------------------------------
