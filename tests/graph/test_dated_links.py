"""The candidate search seeks an actor's events in a date window through the (actor, start_date) index of the
PARTICIPANT and IN_PLACE links: every write of an event keeps those values equal to its actor's id and its
start_date (a report that narrows the dates, a retraction that widens them again, a mutation), and `kg
migrate` writes them into a graph loaded before they existed."""

from __future__ import annotations

from graph.load.unload import unload_source
from graph.reports.candidates import match_events
from graph.schema import migrate
from graph.store import GraphStore
from graph.write.upsert import upsert_event
from tests.graph.test_load import rows
from tests.graph.test_match_candidates import MOLDOVA, MOLDOVA_AGAIN, REPORTS, RUSSIAN, incoming_events
from tests.graph.test_reports import LEDGER, SEED, SHARED, _source, load

IRKUTSK = "event:2023-04-26-golovchenko-irkutsk-visit"

STALE = """
MATCH (n:Event)-[r:PARTICIPANT|IN_PLACE]->(a:Actor)
WHERE r.actor IS NULL OR r.actor <> a.id
   OR NOT coalesce(r.start_date = n.start_date, r.start_date IS NULL AND n.start_date IS NULL)
RETURN n.id AS event, type(r) AS type, a.id AS actor, r.actor AS on_link, r.start_date AS dated
"""


async def link_dates(store: GraphStore, event: str) -> set[str]:
    query = "MATCH (:Event {id: $id})-[r:PARTICIPANT|IN_PLACE]->() RETURN toString(r.start_date) AS day"
    found = await rows(store, query, id=event)
    return {each["day"] for each in found}


async def test_the_links_follow_an_event_whose_report_narrows_its_dates_and_whose_retraction_widens_them(
    store: GraphStore,
) -> None:
    """The shared digest dates the Irkutsk leg 26-28 April; the Ledger says 27 April, and the fact narrows to
    it; withdrawing the Ledger widens it back."""
    await load(store, SHARED)
    assert await link_dates(store, IRKUTSK) == {"2023-04-26"}
    assert await rows(store, STALE) == []

    await load(store, LEDGER)
    assert await link_dates(store, IRKUTSK) == {"2023-04-27"}
    assert await rows(store, STALE) == []

    await unload_source(store, _source(LEDGER), by="test")
    assert await link_dates(store, IRKUTSK) == {"2023-04-26"}
    assert await rows(store, STALE) == []


async def test_the_links_follow_an_event_a_mutation_moves(store: GraphStore) -> None:
    await load(store, SHARED)
    ban = {
        "id": MOLDOVA,
        "kind": "ban",
        "title": "Moldova bans Putin",
        "date": {"start": "2023-04-27"},
        "participants": [{"actor": "Putin", "role": "target"}, {"actor": "Moldova", "role": "issuer"}],
        "places": ["Moldova"],
        "evidence": [
            {
                "quote": "Vladimir Putin (who was banned from entering Moldova on April 28th)",
                "source": "source:bif-2023-04-24-peace-loving-region",
            }
        ],
    }
    await upsert_event(store, ban, "analyst-anna")
    assert await link_dates(store, MOLDOVA) == {"2023-04-27"}
    assert await rows(store, STALE) == []


async def test_an_older_graph_without_the_dated_links_matches_again_once_migrated(store: GraphStore) -> None:
    """A graph loaded before the links carried their actor and start_date: the search finds nothing through
    the index until `kg migrate` (which `kg load` runs first) writes them; then it proposes what it proposed
    on a graph loaded with them."""
    await load(store, SEED)
    every = [e for path in sorted(REPORTS.glob("*.yaml")) for e in incoming_events(path)]
    loaded = await match_events(store.read, every, attach=0.85, review=0.5)
    assert (MOLDOVA_AGAIN, "attach", MOLDOVA) in {(p.incoming, p.action, p.fact) for p in loaded}

    await rows(store, "MATCH (:Event)-[r:PARTICIPANT|IN_PLACE]->() REMOVE r.actor, r.start_date RETURN 1")
    assert await rows(store, STALE) != []
    ban = [e for e in incoming_events(RUSSIAN) if e.id == MOLDOVA_AGAIN]
    old = await match_events(store.read, ban, attach=0.85, review=0.5)
    assert [(p.action, p.fact) for p in old] == [("create", None)], "the index holds none of its links"

    await migrate(store)
    assert await rows(store, STALE) == []
    assert await match_events(store.read, every, attach=0.85, review=0.5) == loaded
    await migrate(store)
    assert await rows(store, STALE) == []
