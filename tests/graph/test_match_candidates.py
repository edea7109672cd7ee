"""The candidate search on a real Neo4j with the seed loaded: a re-report under another id is found."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph.load.reading import read_file
from graph.load.records import parse_records
from graph.model import EventBase
from graph.reports import candidates
from graph.reports.candidates import match_events, place_containers, record_candidates, record_decisions
from graph.reports.decisions import Decisions
from graph.reports.matching import EventFacts
from graph.schema import migrate
from graph.store import GraphStore
from graph.store_types import Batch, StreamingReader

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
RUSSIAN = REPORTS / "2023-04-24_soyuznaya-povestka.yaml"
MOLDOVA_AGAIN = "event:2023-04-28-moldova-bars-putin-entry"
MOLDOVA = "event:2023-04-28-putin-banned-from-moldova"


def incoming_events(path: Path) -> list[EventFacts]:
    parsed = parse_records(read_file(path))
    assert not parsed.problems
    return [EventFacts.of(r.model) for r in parsed.records if isinstance(r.model, EventBase)]


async def test_the_moldova_ban_reported_again_under_another_id_attaches(seeded_store: GraphStore) -> None:
    incoming = [e for e in incoming_events(RUSSIAN) if e.id == MOLDOVA_AGAIN]
    proposals = await match_events(seeded_store.read, incoming, attach=0.85, review=0.5)
    attach = [p for p in proposals if p.action == "attach"]
    assert [(p.incoming, p.fact) for p in attach] == [(MOLDOVA_AGAIN, MOLDOVA)]
    assert attach[0].score >= 0.85
    assert "same kind: ban" in attach[0].evidence


async def test_a_trip_and_its_legs_are_never_candidates_of_one_another(seeded_store: GraphStore) -> None:
    """The Russian digest's own-id events, matched as if new: legs, trip and signing find nothing of their
    own trip; only statements of one speaker in one week are left for review (statements never attach)."""
    events = incoming_events(RUSSIAN)
    proposals = await match_events(seeded_store.read, events, attach=0.85, review=0.5)
    assert all(p.fact != p.incoming for p in proposals)
    assert {p.incoming for p in proposals} == {e.id for e in events}, "one answer at least per event"
    by_action = {(p.incoming, p.action) for p in proposals}
    for leg in ("russian-regions-visit", "novosibirsk-visit", "irkutsk-visit", "sverdlovsk-visit"):
        assert (f"event:2023-04-26-golovchenko-{leg}", "create") in by_action
    assert all(p.action != "review" or p.incoming.startswith("event:2023-04") for p in proposals)
    assert {p.fact for p in proposals if p.action == "attach"} == {MOLDOVA}


async def test_a_pair_called_different_is_never_proposed(seeded_store: GraphStore) -> None:
    incoming = [e for e in incoming_events(RUSSIAN) if e.id == MOLDOVA_AGAIN]
    decisions = Decisions()
    decisions.add("different", MOLDOVA, MOLDOVA_AGAIN)
    proposals = await match_events(seeded_store.read, incoming, decisions, attach=0.85, review=0.5)
    assert [(p.action, p.fact) for p in proposals] == [("create", None)]


async def test_decisions_recorded_in_the_graph_hold_on_later_searches(store: GraphStore) -> None:
    """One known event written by hand, with no place (so the score is below 1): a stored 'different'
    hides the pair for good. Its links lack the actor and start_date the loader writes on them, as an older
    graph's do; `kg migrate` writes them."""
    async with store.driver.session(database=store.database) as session:
        await session.run(
            "MERGE (m:Actor {id: 'country:MD'}) MERGE (p:Actor {id: 'person:vladimir-putin'}) "
            "CREATE (e:Event:Ban {id: $id, kind: 'ban', title: 't', start_date: date('2023-04-28'), "
            "end_date: date('2023-04-28'), date_precision: 'day'}) "
            "CREATE (e)-[:PARTICIPANT {role: 'issuer'}]->(m), (e)-[:PARTICIPANT {role: 'target'}]->(p)",
            id=MOLDOVA,
        )
    await migrate(store)
    incoming = [e for e in incoming_events(RUSSIAN) if e.id == MOLDOVA_AGAIN]
    weak = await match_events(store.read, incoming, attach=0.95, review=0.5)
    assert [(p.action, p.fact) for p in weak] == [("review", MOLDOVA)], weak
    assert await record_candidates(store.write, weak) == 1
    decided = Decisions()
    decided.add("different", MOLDOVA, MOLDOVA_AGAIN)
    await record_decisions(store.write, decided)
    again = await match_events(store.read, incoming, attach=0.95, review=0.5)
    assert [(p.action, p.fact) for p in again] == [("create", None)]


async def test_only_the_re_reported_events_attach_across_the_three_digests(seeded_store: GraphStore) -> None:
    """Every event of the three re-reporting digests whose id the graph does not hold yet, matched at once."""
    every = [e for path in sorted(REPORTS.glob("*.yaml")) for e in incoming_events(path)]
    async with seeded_store.driver.session(database=seeded_store.database) as session:
        result = await session.run(
            "MATCH (n:Event) WHERE n.id IN $ids RETURN n.id AS id", ids=[e.id for e in every]
        )
        known = {record["id"] async for record in result}
    new = [e for e in every if e.id not in known]
    proposals = await match_events(seeded_store.read, new, attach=0.85, review=0.5)
    assert sorted((p.incoming, p.action, p.fact) for p in proposals) == [
        ("event:2023-02-17-lukashenka-putin-novo-ogaryovo-talks", "create", None),
        ("event:2023-04-26-golovchenko-travnikov-talks", "create", None),
        (MOLDOVA_AGAIN, "attach", MOLDOVA),
        (
            "event:2023-05-08-lukashenka-victory-day-trip-to-moscow",
            "attach",
            "event:2023-05-08-lukashenka-moscow-victory-day-parade-visit",
        ),
    ], "the meeting inside the Novosibirsk leg is not the leg, nor the trip"


async def test_a_batch_searched_in_slices_gets_the_same_proposals(
    seeded_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large block is searched SEARCH_SLICE events at a time, so that its candidate rows are held a slice
    at a time: each event is scored on its own, so the proposals are the same as in one search."""
    every = [e for path in sorted(REPORTS.glob("*.yaml")) for e in incoming_events(path)]
    whole = await match_events(seeded_store.read, every, attach=0.85, review=0.5)
    monkeypatch.setattr(candidates, "SEARCH_SLICE", 2)
    seeded_store.round_trips = 0
    sliced = await match_events(seeded_store.read, every, attach=0.85, review=0.5)
    assert sliced == whole
    assert seeded_store.round_trips >= len(every) // 2, "a search per slice"


async def test_slices_searched_at_once_outside_the_transaction_get_the_same_proposals(
    seeded_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader searches outside its transaction (`load_reader`), SEARCHES_AT_ONCE slices at a time: the
    proposals are those of one search, in the order of the incoming events."""
    every = [e for path in sorted(REPORTS.glob("*.yaml")) for e in incoming_events(path)]
    whole = await match_events(seeded_store.read, every, attach=0.85, review=0.5)
    monkeypatch.setattr(candidates, "SEARCH_SLICE", 2)
    at_once = await match_events(
        seeded_store.read, every, attach=0.85, review=0.5, search=seeded_store.load_reader()
    )
    assert at_once == whole


async def test_the_loaders_transaction_streams_the_search_with_the_same_proposals(
    seeded_store: GraphStore,
) -> None:
    """Inside a load's transaction the search's rows are scored as they arrive (only each event's best few
    are kept); the proposals are those of a search read whole."""
    every = [e for path in sorted(REPORTS.glob("*.yaml")) for e in incoming_events(path)]
    whole = await match_events(seeded_store.read, every, attach=0.85, review=0.5)
    streamed: list[object] = []

    async def matching(read: StreamingReader) -> AsyncIterator[Batch]:
        assert isinstance(read, StreamingReader)
        streamed.extend(await match_events(read, every, attach=0.85, review=0.5))
        return
        yield

    await seeded_store.write_batches(matching, reads=True)
    assert streamed == whole


async def test_places_lie_where_the_graph_says_unless_the_records_being_written_say_otherwise(
    seeded_store: GraphStore,
) -> None:
    """A city the graph holds lies in its region and country; a place about to be written (not in the graph
    yet) lies where its record says, and so on up through the graph; a record moving a region elsewhere wins
    over the graph's link for every place below it."""
    read = seeded_store.read
    graph = await place_containers(read, ["city:novosibirsk", "city:nowhere"])
    assert graph == {"city:novosibirsk": {"region:RU-NVS", "country:RU"}}

    new_city = await place_containers(
        read, ["city:akademgorodok"], {"city:akademgorodok": ["city:novosibirsk"]}
    )
    assert new_city == {"city:akademgorodok": {"city:novosibirsk", "region:RU-NVS", "country:RU"}}

    moved = await place_containers(read, ["city:novosibirsk"], {"region:RU-NVS": ["country:BY"]})
    assert moved == {"city:novosibirsk": {"region:RU-NVS", "country:BY"}}

    no_parent = await place_containers(read, ["city:novosibirsk"], {"city:novosibirsk": []})
    assert no_parent == {}, "a record without a parent drops the graph's link: the load deletes it"
