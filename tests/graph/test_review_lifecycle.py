"""Candidates and decisions over time: a candidate whose fact is unloaded is closed, a pair an analyst decided
is not listed again, a decision in any file of a load holds for every file of that load, and the Eastern
Flank Briefing's trip is a report of the shared digest's by a decision kept in a file (issue 11). Through
`kg load`, `kg unload` and `kg review`, on a real Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from graph.store import GraphStore
from tests.graph.test_load import rows
from tests.graph.test_load_matching import (
    BAN,
    BAN_AGAIN,
    POVESTKA,
    REPORTS,
    SEED,
    SHARED,
    TRIP,
    TRIP_AGAIN,
    copy_of,
    event_of,
    kg_load,
    live_reports_of,
    run,
)
from tests.graph.test_load_matching import kg as kg  # a pytest fixture

BRIEFING = REPORTS / "2023-05-08_eastern-flank-briefing.yaml"
DECISIONS = REPORTS.parent / "decisions" / "eastern-flank-briefing.yaml"


def people(folder: Path, actor_id: str, name: str) -> Path:
    path = folder / "people.yaml"
    path.parent.mkdir(exist_ok=True)
    actor = {"id": actor_id, "kind": "person", "name": name}
    path.write_text(yaml.safe_dump({"actors": [actor]}, allow_unicode=True), encoding="utf-8")
    return path


async def events_named(store: GraphStore, *ids: str) -> list[str]:
    found = await rows(
        store, "MATCH (e:Event) WHERE e.id IN $ids RETURN e.id AS id ORDER BY id", ids=list(ids)
    )
    return [row["id"] for row in found]


async def test_a_candidate_whose_fact_is_unloaded_is_closed(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    def two_days_later(data: dict[str, Any]) -> None:
        event_of(data, BAN_AGAIN)["date"] = "2023-04-30"

    povestka = copy_of(POVESTKA, tmp_path, two_days_later)
    await kg_load(kg, SHARED, povestka)
    assert BAN_AGAIN in (await run(kg, "review")).output

    unloaded = await run(kg, "unload", str(povestka))

    assert unloaded.exit_code == 0, unloaded.output
    assert await events_named(store, BAN_AGAIN) == []
    listed = await run(kg, "review")
    assert BAN_AGAIN not in listed.output
    assert "No open candidates" in listed.output


async def test_a_pair_decided_different_is_not_listed_again_by_kg_load(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    await kg_load(kg, people(tmp_path / "earlier", "person:ivan-petrovsky", "Ivan Petrovsky"))
    later = people(tmp_path / "later", "person:ivan-petrovskiy", "Ivan Petrovskiy")
    first = await kg_load(kg, later)
    assert "person:ivan-petrovskiy may be person:ivan-petrovsky" in first.output
    decided = await run(
        kg,
        "review",
        "--decide",
        "different",
        "person:ivan-petrovsky",
        "person:ivan-petrovskiy",
        "--file",
        str(tmp_path / "decisions.yaml"),
    )
    assert decided.exit_code == 0, decided.output

    again = await kg_load(kg, later)

    assert "may be" not in again.output, again.output
    assert "No open candidates" in (await run(kg, "review")).output


async def test_a_decision_in_a_later_file_of_the_load_holds_in_that_load(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    def decides(data: dict[str, Any]) -> None:
        data["decisions"] = [{"not_same_as": [BAN, BAN_AGAIN]}]

    # The briefing is written after Союзная повестка (files are written in the order given), and it is the
    # one that says the two bans are different.
    briefing = copy_of(BRIEFING, tmp_path, decides)

    loaded = await kg_load(kg, SHARED, POVESTKA, briefing)

    assert await events_named(store, BAN, BAN_AGAIN) == sorted([BAN, BAN_AGAIN]), "kept apart"
    assert f"{BAN_AGAIN} is a report of" not in loaded.output
    assert BAN_AGAIN not in (await run(kg, "review")).output, "decided: not a candidate either"


async def test_the_eastern_flank_trip_is_a_report_of_the_known_trip_by_a_decision(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    await kg_load(kg, SEED, BRIEFING, DECISIONS)

    assert await events_named(store, TRIP, TRIP_AGAIN) == [TRIP]
    assert [each["alias"] for each in await live_reports_of(store, TRIP)] == [None, TRIP_AGAIN]
    decision = await rows(
        store,
        "MATCH (c:Candidate {left: $left, right: $right}) RETURN c.decision AS d",
        left=TRIP,
        right=TRIP_AGAIN,
    )
    assert decision == [{"d": "same"}]

    def a_week_later(data: dict[str, Any]) -> None:  # too far for the matcher to find it at all
        event_of(data, TRIP_AGAIN)["date"] = {"start": "2023-05-15", "end": "2023-05-16"}

    assert (await run(kg, "unload", str(BRIEFING))).exit_code == 0
    await kg_load(kg, copy_of(BRIEFING, tmp_path, a_week_later))  # a later load, without the decisions file

    assert await events_named(store, TRIP, TRIP_AGAIN) == [TRIP], "the decision holds"
    disputed = await rows(store, "MATCH (e:Event {id: $id}) RETURN e.disputed AS d", id=TRIP)
    assert "date" in disputed[0]["d"]
