"""An analyst links events that follow one another: the 27 April publication of instructions follows up the
2 February meeting. Links are stated in seed files (`links:`), checked like every reference, carry the
sources that state them, and go when those sources are unloaded (graph/model/links.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.load.unload import unload_source
from graph.model import EVENT_LINK_KINDS, LINK_TYPES, EventLink
from graph.settings import REPO_ROOT
from graph.store import GraphStore
from tests.graph.test_load import load, rows

MEETING = "event:2023-02-02-meeting-patriotic-youth-organisations"
PUBLICATION = "event:2023-04-27-list-of-instructions-patriotic-youth-organisations"
BIF = "source:bif-2023-04-24-peace-loving-region"

LINK_QUERIES = (
    "load_events.cypher",
    "read/event_links.cypher",
    "export_graph_nodes.cypher",
    "export_graph_edges.cypher",
    "neighborhood.cypher",
    "neighborhood_edges.cypher",
    "read/connections.cypher",
)
"""The queries that list the relationship types of event links (the rest take the type from the row)."""

LINKED = """\
MATCH (a:Event {id: $from})-[r]->(b:Event {id: $to})
RETURN type(r) AS type, r.sources AS sources
"""


def test_every_query_that_lists_event_links_names_every_kind() -> None:
    for name in LINK_QUERIES:
        text = (REPO_ROOT / "queries" / name).read_text(encoding="utf-8")
        listed = set(re.findall(r"\b[A-Z][A-Z_]+\b", text))
        missing = [LINK_TYPES[kind] for kind in EVENT_LINK_KINDS if LINK_TYPES[kind] not in listed]
        assert not missing, f"queries/{name} does not name {missing}"


def test_a_link_kind_is_one_of_the_vocabulary() -> None:
    assert EventLink.model_validate({"kind": "follows", "event": MEETING}).kind == "follows"
    with pytest.raises(ValueError, match="unknown link kind 'precedes'; one of follows, response_to"):
        EventLink.model_validate({"kind": "precedes", "event": MEETING})


async def test_the_april_publication_follows_up_the_february_meeting(main_seed_store: GraphStore) -> None:
    found = await rows(main_seed_store, LINKED, **{"from": PUBLICATION, "to": MEETING})
    assert found == [{"type": "FOLLOWS", "sources": [BIF]}]


HEADER = "source: {{id: 'source:{name}', title: {name}}}\n"
MEETING_RECORD = f"""\
  - id: {MEETING}
    kind: meeting
    title: Meeting with patriotic and youth organisations
    date: 2023-02-02
    evidence: [{{quote: "the February 2nd meeting"}}]
"""
PUBLICATION_RECORD = f"""\
  - id: {PUBLICATION}
    kind: publication
    title: List of instructions following the meeting
    date: 2023-04-27
    evidence: [{{quote: "the list of instructions following the February 2nd meeting"}}]
"""
LINK = "    links: [{kind: %s, event: %s}]\n"


def digest(folder: Path, name: str, *records: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(HEADER.format(name=name) + "events:\n" + "".join(records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("link", "field", "message"),
    [
        (LINK % ("precedes", MEETING), "links[0].kind", "unknown link kind 'precedes'"),
        (LINK % ("part_of", MEETING), "links[0].kind", "an event names its trip with `part_of:`"),
        (LINK % ("follows", "event:2023-02-03-no-such-meeting"), "links[0].event", "unknown event"),
        (LINK % ("follows", PUBLICATION), "links", "links[0].event names the event itself"),
    ],
    ids=["unknown kind", "part_of given as a link", "unknown event", "itself"],
)
async def test_a_bad_link_is_refused_naming_file_line_record_and_field(
    store: GraphStore, tmp_path: Path, link: str, field: str, message: str
) -> None:
    bad = digest(tmp_path, "bad", MEETING_RECORD, PUBLICATION_RECORD + link)

    with pytest.raises(InvalidInput) as caught:
        await load(store, bad)

    [problem] = caught.value.problems
    assert message in problem.message
    where = problem.location
    assert (where.file, where.line, where.field) == (str(bad), 13, field)
    assert isinstance(where.record, str) and where.record.endswith(PUBLICATION)
    assert await rows(store, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}], "nothing written"


async def test_a_link_to_an_event_of_an_earlier_load_lives_as_long_as_its_source(
    store: GraphStore, tmp_path: Path
) -> None:
    # A first digest reports the meeting and the publication, without linking them.
    await load(store, digest(tmp_path, "first", MEETING_RECORD, PUBLICATION_RECORD))
    # A later one re-reports the publication and says it follows the meeting, which only the graph holds.
    await load(store, digest(tmp_path, "later", PUBLICATION_RECORD + LINK % ("follows", MEETING)))

    found = await rows(store, LINKED, **{"from": PUBLICATION, "to": MEETING})
    assert found == [{"type": "FOLLOWS", "sources": ["source:later"]}]

    await unload_source(store, "source:later", by="test")

    assert await rows(store, LINKED, **{"from": PUBLICATION, "to": MEETING}) == [], "the link went with it"
    both = await rows(store, "MATCH (e:Event) RETURN e.id AS id ORDER BY id")
    assert both == [{"id": MEETING}, {"id": PUBLICATION}], "the events the first digest reports stay"


async def test_a_link_two_sources_state_stays_when_one_is_unloaded(store: GraphStore, tmp_path: Path) -> None:
    linked = PUBLICATION_RECORD + LINK % ("follows", MEETING)
    await load(store, digest(tmp_path, "first", MEETING_RECORD, linked))
    await load(store, digest(tmp_path, "later", linked))
    found = await rows(store, LINKED, **{"from": PUBLICATION, "to": MEETING})
    assert found == [{"type": "FOLLOWS", "sources": ["source:first", "source:later"]}]

    await unload_source(store, "source:later", by="test")

    found = await rows(store, LINKED, **{"from": PUBLICATION, "to": MEETING})
    assert found == [{"type": "FOLLOWS", "sources": ["source:first"]}]
