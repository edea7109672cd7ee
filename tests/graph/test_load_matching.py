"""Matching at load time: a record given under another id that is the same real-world event becomes a report
of the known fact; an uncertain pair is listed, not merged; analysts' decisions hold on later loads
(issue 11; graph/load/matching.py). Through `kg load`, `kg review`, `kg unload` and GraphQL, on a real
Neo4j."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from typer.testing import CliRunner

from api.app import create_app
from graph.cli import app
from graph.ingest.pipeline import ingest, write_draft
from graph.settings import REPO_ROOT, Settings, get_settings
from graph.store import GraphStore
from tests.conftest import gql, serve
from tests.graph.test_load import rows

SEED = REPO_ROOT / "seed_data"
REFERENCE = SEED / "reference"
SHARED = SEED / "2023-04-24_peace-loving-region.yaml"
REPORTS = REPO_ROOT / "tests" / "fixtures" / "reports"
POVESTKA = REPORTS / "2023-04-24_soyuznaya-povestka.yaml"
NOVOSIBIRSK = REPO_ROOT / "tests" / "fixtures" / "novosibirsk"

BAN = "event:2023-04-28-putin-banned-from-moldova"
BAN_AGAIN = "event:2023-04-28-moldova-bars-putin-entry"
"""Союзная повестка's id for the Moldovan ban: same kind, day, issuer, target and place, no hint."""
TRIP = "event:2023-05-08-lukashenka-moscow-victory-day-parade-visit"
TRIP_AGAIN = "event:2023-05-08-lukashenka-victory-day-trip-to-moscow"

EVENT = """
query ($id: ID!) {
  event(id: $id) { id sourceCount reports { source { id } } }
}
"""


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


@pytest.fixture
async def client(store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for each in serve(create_app(settings)):
        yield each


async def run(kg: CliRunner, *arguments: str) -> Any:
    """A `kg` command, in a thread (it runs its own event loop)."""
    return await asyncio.to_thread(kg.invoke, app, list(arguments))


async def kg_load(kg: CliRunner, *paths: Path) -> Any:
    result = await run(kg, "load", *map(str, paths), "--reference", str(REFERENCE))
    assert result.exit_code == 0, result.output
    return result


async def count(store: GraphStore, label: str) -> int:
    found = await rows(store, f"MATCH (n:{label}) RETURN count(n) AS n")
    return int(found[0]["n"])


async def live_reports_of(store: GraphStore, fact: str) -> list[dict[str, Any]]:
    return await rows(
        store,
        "MATCH (r:Report {fact: $id})-[:OF]->() WHERE r.retracted_at IS NULL "
        "RETURN r.source AS source, r.alias AS alias ORDER BY source",
        id=fact,
    )


def copy_of(path: Path, folder: Path, edit: Any = None) -> Path:
    """A fixture digest copied (with its source texts) into `folder`, edited by `edit(data)` if given."""
    shutil.copytree(REPORTS / "sources", folder / "sources", dirs_exist_ok=True)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if edit is not None:
        edit(data)
    copied = folder / path.name
    copied.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copied


def event_of(data: dict[str, Any], event_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(each for each in data["events"] if each["id"] == event_id)
    return found


async def test_re_reports_under_other_ids_become_reports_of_the_known_events(
    store: GraphStore, kg: CliRunner, client: httpx.AsyncClient
) -> None:
    loaded = await kg_load(kg, SEED, REPORTS)

    assert await count(store, "Event") == 29, "one node per real-world event"
    assert f"{BAN_AGAIN} is a report of {BAN}" in loaded.output
    assert "same date: 2023-04-28" in loaded.output, "the evidence is printed with the score"
    assert await rows(store, "MATCH (e:Event) WHERE e.id IN $ids RETURN e", ids=[BAN_AGAIN, TRIP_AGAIN]) == []
    ban = await live_reports_of(store, BAN)
    assert [each["alias"] for each in ban] == [None, BAN_AGAIN], "the report keeps the id it was given under"
    assert f"{TRIP_AGAIN} is a report of {TRIP}" in loaded.output
    trip = await live_reports_of(store, TRIP)
    assert [each["alias"] for each in trip] == [None, TRIP_AGAIN]
    body = await gql(client, EVENT, id=BAN)
    assert "errors" not in body, body
    assert body["data"]["event"]["sourceCount"] == 2
    assert len({each["source"]["id"] for each in body["data"]["event"]["reports"]}) == 2

    again = await kg_load(kg, REPORTS)

    assert await count(store, "Event") == 29
    assert await live_reports_of(store, BAN) == ban, "a reload keeps the record on the fact it reports"
    assert await rows(store, "MATCH (r:Report) WHERE r.retracted_at IS NOT NULL RETURN r.id") == []
    assert "is a report of" not in again.output, "nothing new to match on a reload"


async def test_four_ingested_reports_of_one_visit_load_as_one_event(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    drafts = []
    for text in sorted(NOVOSIBIRSK.glob("*.txt")):
        drafts.append(tmp_path / text.with_suffix(".draft.yaml").name)
        write_draft(ingest(text, SEED), drafts[-1])

    await kg_load(kg, *drafts)

    visits = await rows(
        store,
        "MATCH (e:Event {kind: 'visit'})-[:PARTICIPANT]->(:Actor {id: 'person:roman-golovchenko'}) "
        "RETURN e.id AS id, e.source_count AS sources",
    )
    assert len(visits) == 1, visits
    assert visits[0]["sources"] == 4
    assert len(await live_reports_of(store, visits[0]["id"])) == 4


async def test_a_not_same_as_decision_keeps_two_events_apart_on_later_loads(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    decisions = tmp_path / "decisions" / "decisions.yaml"
    decisions.parent.mkdir()
    decisions.write_text(yaml.safe_dump({"decisions": [{"not_same_as": [BAN, BAN_AGAIN]}]}), encoding="utf-8")
    await kg_load(kg, SHARED, POVESTKA, decisions)
    assert len(await rows(store, "MATCH (e:Event) WHERE e.id IN $ids RETURN e", ids=[BAN, BAN_AGAIN])) == 2

    unloaded = await run(kg, "unload", str(POVESTKA))
    assert unloaded.exit_code == 0, unloaded.output
    reloaded = await kg_load(kg, POVESTKA)  # a later load, without the decisions file

    assert len(await rows(store, "MATCH (e:Event) WHERE e.id IN $ids RETURN e", ids=[BAN, BAN_AGAIN])) == 2
    assert BAN_AGAIN not in reloaded.output


async def test_an_uncertain_pair_is_listed_not_merged_until_an_analyst_decides(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    def two_days_later(data: dict[str, Any]) -> None:
        event_of(data, BAN_AGAIN)["date"] = "2023-04-30"

    povestka = copy_of(POVESTKA, tmp_path, two_days_later)
    loaded = await kg_load(kg, SHARED, povestka)

    assert len(await rows(store, "MATCH (e:Event) WHERE e.id IN $ids RETURN e", ids=[BAN, BAN_AGAIN])) == 2
    assert f"{BAN_AGAIN} may be {BAN}; kept apart" in loaded.output
    assert "dates 2 days apart" in loaded.output
    listed = await run(kg, "review")
    assert listed.exit_code == 0, listed.output
    assert BAN in listed.output and BAN_AGAIN in listed.output

    decided = await run(
        kg, "review", "--decide", "same", BAN, BAN_AGAIN, "--file", str(tmp_path / "decisions.yaml")
    )
    assert decided.exit_code == 0, decided.output
    await kg_load(kg, povestka)  # the next load of the digest honours the decision

    assert await rows(store, "MATCH (e:Event {id: $id}) RETURN e", id=BAN_AGAIN) == []
    assert [each["alias"] for each in await live_reports_of(store, BAN)] == [None, BAN_AGAIN]
    assert "No open candidates" in (await run(kg, "review")).output


async def test_a_report_given_again_after_an_unload_is_live_again(store: GraphStore, kg: CliRunner) -> None:
    await kg_load(kg, SHARED, POVESTKA)
    first = await rows(
        store, "MATCH (r:Report {alias: $id}) RETURN r.id AS id, r.loaded_at AS at", id=BAN_AGAIN
    )
    assert (await run(kg, "unload", str(POVESTKA))).exit_code == 0

    await kg_load(kg, POVESTKA)

    report = await rows(
        store,
        "MATCH (r:Report {alias: $id})-[:OF]->(:Event {id: $fact}) RETURN r.id AS id, "
        "r.retracted_at AS gone, r.earlier_loaded_at AS loaded, size(r.earlier_retracted_at) AS retracted",
        id=BAN_AGAIN,
        fact=BAN,
    )
    assert len(report) == 1 and report[0]["id"] == first[0]["id"]
    assert report[0]["gone"] is None
    assert report[0]["loaded"] == [first[0]["at"]] and report[0]["retracted"] == 1, "its earlier span is kept"


@pytest.mark.parametrize("batch_size", ["5000", "1"], ids=["one block", "a block per record"])
async def test_two_records_of_one_file_cannot_report_one_fact(
    store: GraphStore, kg: CliRunner, tmp_path: Path, batch_size: str
) -> None:
    def both_the_ban(data: dict[str, Any]) -> None:
        for each in data["events"]:
            if each["id"] == "event:2023-04-lukashenka-no-one-is-going-to-attack":
                each["same_as"] = BAN
        event_of(data, BAN_AGAIN)["same_as"] = BAN

    povestka = copy_of(POVESTKA, tmp_path, both_the_ban)
    await kg_load(kg, SHARED)
    before = await rows(store, "MATCH (n) RETURN count(n) AS n")

    result = await run(kg, "load", str(povestka), "--reference", str(REFERENCE), "--batch-size", batch_size)

    assert result.exit_code == 1
    assert povestka.name in result.stderr and "field 'same_as'" in result.stderr
    assert "event:2023-04-lukashenka-no-one-is-going-to-attack" in result.stderr
    assert await rows(store, "MATCH (n) RETURN count(n) AS n") == before, "nothing of the file is written"


async def test_a_new_actor_close_to_one_only_the_graph_holds_is_a_candidate(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    def people(folder: str, actor_id: str, name: str, aliases: list[str]) -> Path:
        path = tmp_path / folder / "people.yaml"
        path.parent.mkdir()
        actor = {"id": actor_id, "kind": "person", "name": name, "aliases": aliases}
        path.write_text(yaml.safe_dump({"actors": [actor]}, allow_unicode=True), encoding="utf-8")
        return path

    await kg_load(kg, people("earlier", "person:ivan-petrovsky", "Ivan Petrovsky", ["Иван Петровский"]))
    later = people("later", "person:ivan-petrovskiy", "Ivan Petrovskiy", [])

    loaded = await kg_load(kg, later)

    assert "person:ivan-petrovskiy may be person:ivan-petrovsky" in loaded.output
    assert "close (0.9" in loaded.output, "the evidence: which names are close"
    assert await count(store, "Person") >= 2, "a candidate, not a merge"
    listed = await run(kg, "review", "--kind", "actor")
    assert "person:ivan-petrovsky" in listed.output and "person:ivan-petrovskiy" in listed.output


async def test_a_record_declaring_same_as_is_a_report_of_that_fact(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    def declared(data: dict[str, Any]) -> None:
        event_of(data, BAN_AGAIN)["date"] = "2023-04-30"  # too far for the matcher to attach it alone
        event_of(data, BAN_AGAIN)["same_as"] = BAN

    loaded = await kg_load(kg, SHARED, copy_of(POVESTKA, tmp_path, declared))

    assert await rows(store, "MATCH (e:Event {id: $id}) RETURN e", id=BAN_AGAIN) == []
    assert [each["alias"] for each in await live_reports_of(store, BAN)] == [None, BAN_AGAIN]
    assert "candidate" not in loaded.output
    assert "date" in (await rows(store, "MATCH (e:Event {id: $id}) RETURN e.disputed AS d", id=BAN))[0]["d"]


GUESTS = ["Anna Petrova", "Boris Volkov", "Dmitry Orlov", "Elena Sokolova", "Fyodor Lebedev",
          "Galina Morozova", "Igor Kozlov", "Kira Novikova", "Leonid Pavlov", "Marina Fedorova"]  # fmt: skip


def busy_day(source: str, meetings: list[tuple[str, str, str]]) -> str:
    """A digest of meetings (id, day, guest) of one minister, each guest a person of GUESTS."""
    people = [{"id": "person:the-minister", "kind": "person", "name": "Viktor Karankevich"}]
    people += [{"id": f"person:guest-{n}", "kind": "person", "name": name} for n, name in enumerate(GUESTS)]
    events = [
        {
            "id": f"event:{day}-{slug}",
            "kind": "meeting",
            "title": f"The minister meets {GUESTS[guest]}",
            "date": day,
            "participants": [
                {"actor": "person:the-minister", "role": "host"},
                {"actor": f"person:guest-{guest}", "role": "guest"},
            ],
            "evidence": [{"quote": f"The minister met {GUESTS[guest]}."}],
        }
        for slug, day, guest in ((slug, day, int(guest)) for slug, day, guest in meetings)
    ]
    return yaml.safe_dump({"source": {"id": source, "title": source}, "actors": people, "events": events})


async def test_a_record_of_a_busy_day_lists_its_likeliest_twins_not_every_meeting(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    """Nine meetings of one minister, six on the day of the new record and three the day before: the new
    record shares the minister with each, so each is a candidate; the analyst is shown the five likeliest
    (REVIEWS_PER_RECORD), all of the same day, not nine pairs."""
    known = [(f"meeting-{n}", "2023-04-28" if n < 6 else "2023-04-27", str(n)) for n in range(9)]
    (tmp_path / "week.yaml").write_text(busy_day("source:week", known), encoding="utf-8")
    await kg_load(kg, tmp_path / "week.yaml")
    new = [("talks-with-the-last-guest", "2023-04-28", "9")]
    (tmp_path / "news.yaml").write_text(busy_day("source:news", new), encoding="utf-8")

    loaded = await kg_load(kg, tmp_path / "news.yaml")

    listed = [line for line in loaded.output.splitlines() if "may be event:" in line]
    assert len(listed) == 5, loaded.output
    assert all("event:2023-04-28-meeting-" in line for line in listed), "the same day's meetings first"
    assert await count(store, "Candidate") == 5
    assert await count(store, "Event") == 10, "a candidate is kept apart, not merged"


BALTI = "city:balti"


def at_a_new_city_in_moldova(data: dict[str, Any]) -> None:
    """The digest defines a city (in country:MD) and places the ban there."""
    city = {"id": BALTI, "kind": "city", "name": "Bălți", "aliases": ["Бельцы"], "parent": "country:MD"}
    data["actors"] = [city, *data.get("actors", [])]
    event_of(data, BAN_AGAIN)["places"] = [BALTI]


@pytest.mark.parametrize("batch_size", ["5000", "1"], ids=["one block", "a block per record"])
async def test_a_re_report_placed_in_a_city_its_own_digest_defines_is_a_report_of_the_known_event(
    store: GraphStore, kg: CliRunner, tmp_path: Path, batch_size: str
) -> None:
    """The city is written in the same transaction as the ban: the matcher learns that it lies in Moldova
    from the digest's own record, not from the graph (which holds no such city yet)."""
    povestka = copy_of(POVESTKA, tmp_path, at_a_new_city_in_moldova)
    await kg_load(kg, SHARED)

    loaded = await run(kg, "load", str(povestka), "--reference", str(REFERENCE), "--batch-size", batch_size)

    assert loaded.exit_code == 0, loaded.output
    assert f"{BAN_AGAIN} is a report of {BAN}" in loaded.output
    assert f"{BALTI} in country:MD" in loaded.output, "the evidence: one place inside the other"
    assert await rows(store, "MATCH (e:Event {id: $id}) RETURN e", id=BAN_AGAIN) == []
    assert [each["alias"] for each in await live_reports_of(store, BAN)] == [None, BAN_AGAIN]


async def test_a_digest_moving_a_city_elsewhere_is_matched_by_where_it_says_the_city_lies(
    store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    """The graph holds the city in Moldova (an earlier load); a later digest re-parents it to Romania and
    places the ban there: the matcher goes by the digest's own record, so Romania is not inside Moldova."""
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    city = {"id": BALTI, "kind": "city", "name": "Bălți", "parent": "country:MD"}
    (earlier / "places.yaml").write_text(yaml.safe_dump({"actors": [city]}), encoding="utf-8")
    await kg_load(kg, SHARED, earlier / "places.yaml")

    def moved(data: dict[str, Any]) -> None:
        at_a_new_city_in_moldova(data)
        data["actors"][0]["parent"] = "country:RO"

    loaded = await kg_load(kg, copy_of(POVESTKA, tmp_path, moved))

    assert f"{BAN_AGAIN} is a report of {BAN}" not in loaded.output
    assert len(await rows(store, "MATCH (e:Event) WHERE e.id IN $ids RETURN e", ids=[BAN, BAN_AGAIN])) == 2
