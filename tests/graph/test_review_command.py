"""`kg review` from the shell on a real Neo4j: open candidates listed with their evidence, decisions written
to a decisions file and to the graph, so the pair is neither listed nor proposed again."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
import yaml
from typer.testing import CliRunner

from graph.cli import app
from graph.reports.candidates import match_events, record_candidates
from graph.reports.decisions import Proposal
from graph.reports.matching import EventFacts
from graph.schema import migrate
from graph.settings import Settings, get_settings
from graph.store import GraphStore

T = TypeVar("T")

KNOWN = "event:2023-04-28-putin-banned-from-moldova"
AGAIN = "event:2023-04-28-moldova-bars-putin-entry"
GRAPH = """
MERGE (m:Actor {id: 'country:MD', name: 'Moldova', kind: 'country'})
MERGE (p:Actor {id: 'person:vladimir-putin', name: 'Vladimir Putin', kind: 'person'})
MERGE (x:Actor {id: 'person:vladimir-poutine', name: 'Vladimir Poutine', kind: 'person'})
CREATE (e:Event:Ban {id: $known, kind: 'ban', title: 'Putin banned from Moldova',
                     start_date: date('2023-04-28'), end_date: date('2023-04-28'), date_precision: 'day'})
CREATE (f:Event:Ban {id: $again, kind: 'ban', title: 'Moldova bars Putin', start_date: date('2023-04-28'),
                     end_date: date('2023-04-28'), date_precision: 'day'})
CREATE (e)-[:PARTICIPANT {role: 'issuer'}]->(m), (e)-[:PARTICIPANT {role: 'target'}]->(p)
"""


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


def on_graph(settings: Settings, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    """Run `work` on a store of its own (the CLI runs its own event loop, so this test is synchronous)."""

    async def main() -> T:
        store = GraphStore.from_settings(settings, settings.neo4j_uri or "")
        try:
            return await work(store)
        finally:
            await store.close()

    return asyncio.run(main())


INCOMING = EventFacts(
    AGAIN,
    "ban",
    date(2023, 4, 28),
    date(2023, 4, 28),
    participants=frozenset({"country:MD", "person:vladimir-putin"}),
)


async def candidates_found(store: GraphStore) -> list[Proposal]:
    """Match the re-reported ban against the graph and record what is uncertain, as `kg load` will. The
    graph is written by hand, its links without the actor and start_date the loader writes on them, as an
    older graph's; `kg migrate` (run by `kg load` first) writes them."""
    async with store.driver.session(database=store.database) as session:
        await (await session.run(GRAPH, known=KNOWN, again=AGAIN)).consume()
    await migrate(store)
    proposals = await match_events(store.read, [INCOMING], attach=0.95, review=0.5)
    await record_candidates(store.write, proposals)
    actor = Proposal(
        "person:vladimir-poutine", "review", "person:vladimir-putin", 0.87, ["'Vladimir Poutine' is close"]
    )
    await record_candidates(store.write, [actor], kind="actor")
    return proposals


async def proposed(store: GraphStore) -> list[Proposal]:
    return await match_events(store.read, [INCOMING], attach=0.95, review=0.5)


def test_review_lists_decides_and_the_decision_holds(
    store: GraphStore, settings: Settings, kg: CliRunner, tmp_path: Path
) -> None:
    proposals = on_graph(settings, candidates_found)
    assert [(p.action, p.fact) for p in proposals] == [("review", KNOWN)]

    listed = kg.invoke(app, ["review"])
    assert listed.exit_code == 0, listed.output
    assert "2 open candidate(s), best first:" in listed.output
    assert (
        f"event 0.90  {KNOWN} (Putin banned from Moldova)  ~  {AGAIN} (Moldova bars Putin)" in listed.output
    )
    assert "- shared participants: country:MD, person:vladimir-putin" in listed.output
    assert "actor 0.87  person:vladimir-putin (Vladimir Putin)  ~  person:vladimir-poutine" in listed.output
    assert kg.invoke(app, ["review", "--kind", "actor"]).output.count("open candidate") == 1

    decisions = tmp_path / "decisions.yaml"
    decided = kg.invoke(app, ["review", "--decide", "different", KNOWN, AGAIN, "--file", str(decisions)])
    assert decided.exit_code == 0, decided.output
    assert f"Decided: {KNOWN} and {AGAIN} are different" in decided.output
    again = kg.invoke(app, ["review", "--decide", "different", KNOWN, AGAIN, "--file", str(decisions)])
    assert again.exit_code == 0, again.output
    assert yaml.safe_load(decisions.read_text()) == {"decisions": [{"not_same_as": [KNOWN, AGAIN]}]}, (
        "written once however often it is decided"
    )

    after = kg.invoke(app, ["review"])
    assert "1 open candidate(s)" in after.output and AGAIN not in after.output
    again_proposed = on_graph(settings, proposed)
    assert [(p.action, p.fact) for p in again_proposed] == [("create", None)], (
        "the decision holds in the graph"
    )

    actor_same = kg.invoke(
        app,
        [
            "review",
            "--decide",
            "same",
            "person:vladimir-putin",
            "person:vladimir-poutine",
            "--file",
            str(decisions),
        ],
    )
    assert actor_same.exit_code == 1
    assert "actors are not merged by a decision" in actor_same.stderr
    actor_different = kg.invoke(
        app,
        [
            "review",
            "--decide",
            "different",
            "person:vladimir-putin",
            "person:vladimir-poutine",
            "--file",
            str(decisions),
        ],
    )
    assert actor_different.exit_code == 0, actor_different.output
    assert "No open candidates." in kg.invoke(app, ["review"]).output
    assert len(yaml.safe_load(decisions.read_text())["decisions"]) == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--decide", "maybe", "event:a", "event:b"], "--decide takes 'same' or 'different', got 'maybe'"),
        (["--decide", "same", "event:a"], "--decide needs the two ids"),
        (["event:a", "event:b"], "LEFT and RIGHT go with --decide"),
        (["--decide", "same", "event:a", "agreement:b"], "of different sections"),
        (
            ["--decide", "same", "event:nope-one", "event:nope-two"],
            "the graph holds nothing with id 'event:nope-one'",
        ),
    ],
)
def test_review_refuses_bad_decisions_clearly(
    store: GraphStore, kg: CliRunner, tmp_path: Path, arguments: list[str], message: str
) -> None:
    decisions = tmp_path / "decisions.yaml"
    result = kg.invoke(app, ["review", *arguments, "--file", str(decisions)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not decisions.exists(), "nothing is written"


def test_review_appends_only_to_a_decisions_file(store: GraphStore, kg: CliRunner, tmp_path: Path) -> None:
    digest = tmp_path / "digest.yaml"
    digest.write_text("source: {id: 'source:x'}\n")
    result = kg.invoke(app, ["review", "--decide", "different", "event:a", "event:b", "--file", str(digest)])
    assert result.exit_code == 1
    assert "not a decisions file" in result.stderr
    assert digest.read_text() == "source: {id: 'source:x'}\n"
