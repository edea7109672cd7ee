"""The flagship reads a state's events from the ENGAGED links the writers keep
(queries/engaged_refresh.cypher); through everything that writes events or actors the answer stays the walk's
(graph/read/engagements.py), to the event: a load, a re-report that moves dates and participants, a
retraction, an unload, mutations of events and of an actor's country, a restore."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from graph.backup import backup, restore
from graph.load.unload import unload_source
from graph.read.engagements import RegionEngagement, region_engagements
from graph.read.pages import PageRequest, decode_cursor
from graph.schema import migrate
from graph.store import GraphStore
from graph.write.delete import delete_event
from graph.write.upsert import upsert_actor, upsert_event
from tests.api.test_flagship_window import event
from tests.graph.test_load import rows
from tests.graph.test_reports import LEDGER, SEED, _copy, _source, load

WINDOWS = [
    (date(2023, 1, 1), date(2023, 12, 31)),
    (date(2022, 6, 1), date(2023, 4, 26)),  # two years: events that began in the first count once
    (date(2023, 4, 27), date(2023, 4, 27)),
    (date(2019, 1, 1), date(2024, 12, 31)),
]
SIDES = [("Minsk", "RU"), ("BY", "RU"), ("RU", "BY")]
IRKUTSK = "event:2023-04-26-golovchenko-irkutsk-visit"
NOVOSIBIRSK = "event:2023-04-26-golovchenko-novosibirsk-visit"
TALKS = "event:2023-04-26-golovchenko-travnikov-talks"
TRAVNIKOV = "person:andrei-travnikov"


async def same_answers(store: GraphStore) -> list[RegionEngagement]:
    """Every side and window asked both ways, whole and a page at a time (first page and the next); the
    answer of the flagship (Minsk, RU, 2023), for the story's own checks."""
    assert await rows(store, "MATCH (e:EngagedStale) RETURN count(e) AS n") == [{"n": 0}]
    for actor, country in SIDES:
        for start, end in WINDOWS:
            for page in (None, PageRequest(first=2, after=None)):
                asked = (store, actor, country, start, end)
                sought = await region_engagements(*asked, page=page)
                walked = await region_engagements(*asked, page=page, walk=True)
                assert sought == walked, (actor, country, start, end, page)
                for row in sought:
                    if page is not None and row.events.has_next:
                        after = PageRequest(first=2, after=decode_cursor(row.events.items[-1][0]))
                        region = row.region["id"]
                        following = [
                            [each for each in await region_engagements(*asked, page=after, walk=walk)
                             if each.region["id"] == region]
                            for walk in (False, True)
                        ]  # fmt: skip
                        assert following[0] == following[1], (actor, start, end, region)
    return await region_engagements(store, "Minsk", "RU", *WINDOWS[0])


def counted(answer: list[RegionEngagement]) -> dict[str, set[str]]:
    return {str(row.region["id"]): {props["id"] for _, props in row.events.items} for row in answer}


def rewritten(ledger: Path, change: Any) -> Path:
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    change(data)
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return ledger


async def test_the_engaged_links_answer_as_the_walk_through_loads_re_reports_and_unloads(
    store: GraphStore, tmp_path: Path
) -> None:
    await load(store, SEED)
    seed_alone = await same_answers(store)
    assert await rows(store, "MATCH ()-[r:ENGAGED]->() RETURN count(r) > 0 AS some") == [{"some": True}]

    ledger = _copy(LEDGER, tmp_path)
    await load(store, ledger)
    reported = await same_answers(store)
    assert reported != seed_alone

    def moved(data: dict[str, Any]) -> None:
        for each in data["events"]:
            if each["id"] == IRKUTSK:  # now from the last days of 2022 into 2023
                each["date"] = {"start": "2022-12-29", "end": "2023-01-02", "precision": "range"}
            if each["id"] == NOVOSIBIRSK:  # its participants change: its legs' stay the trip's
                each["participants"] = [{"actor": TRAVNIKOV, "role": "host"}]

    await load(store, rewritten(ledger, moved))
    assert await same_answers(store) != reported

    await load(store, rewritten(ledger, lambda data: data.update(events=[
        each for each in data["events"] if each["id"] != TALKS
    ])))  # fmt: skip
    assert TALKS not in set().union(*counted(await same_answers(store)).values())

    await unload_source(store, _source(LEDGER), by="test")
    assert counted(await same_answers(store)) == counted(seed_alone), "the seed's events again"


async def test_the_engaged_links_answer_as_the_walk_through_mutations_actor_changes_and_a_restore(
    store: GraphStore, tmp_path: Path
) -> None:
    await load(store, SEED)
    await same_answers(store)
    # a trip of 2021 with a leg of 2023 in Smolensk Oblast: the leg counts through the trip's participants
    await upsert_event(store, event("event:test-trip", "2021-05-01", "2021-05-03", "country:RU"), "anna")
    leg = event("event:test-smolensk-leg", "2023-03-01", "2023-03-02", "region:RU-SMO", participants=[])
    await upsert_event(store, {**leg, "part_of": "event:test-trip"}, "anna")
    assert "event:test-smolensk-leg" in counted(await same_answers(store))["region:RU-SMO"]
    await delete_event(store, "event:test-trip", "anna")
    assert "region:RU-SMO" not in counted(await same_answers(store)), "the leg lost its trip's side"

    # a Russian governor's meeting counts for Belarus once the governor is said to belong to it
    talks = event(
        "event:test-travnikov-talks", "2023-06-01", "2023-06-01", "region:RU-KDA",
        participants=[{"actor": TRAVNIKOV, "role": "host"}],
    )  # fmt: skip
    await upsert_event(store, talks, "anna")
    assert "region:RU-KDA" not in counted(await same_answers(store))
    person = {"id": TRAVNIKOV, "kind": "person", "name": "Andrei Travnikov", "country": "country:BY"}
    await upsert_actor(store, person, "anna")
    before = await same_answers(store)
    assert "event:test-travnikov-talks" in counted(before)["region:RU-KDA"]

    saved = tmp_path / "graph.jsonl"
    await backup(store, saved)
    await restore(store, saved)
    assert counted(await same_answers(store)) == counted(before)


async def test_an_older_graph_gets_its_engaged_links_from_kg_migrate(store: GraphStore) -> None:
    await load(store, SEED)
    links = "MATCH ()-[r:ENGAGED]->() RETURN count(r) AS n"
    written = await rows(store, links)
    await rows(store, "MATCH ()-[r:ENGAGED]->() DELETE r")  # as a loader before them left the graph
    await migrate(store)
    assert await rows(store, links) == written
    await same_answers(store)
