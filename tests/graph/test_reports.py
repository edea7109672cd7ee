"""Many reports, one graph: digests that re-report the shared seed's facts load together, week after week,
and a digest can be withdrawn again (issue 11; tests/fixtures/reports/README.md says what to expect)."""

from __future__ import annotations

import asyncio
import copy
import json
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
from graph.errors import InvalidInput
from graph.load import load_paths, retraction
from graph.load.unload import unload_source
from graph.settings import REPO_ROOT, Settings, get_settings
from graph.spill import PAGE
from graph.store import GraphStore
from tests.conftest import _holding, gql, serve
from tests.graph.snapshot import facts_and_links
from tests.graph.test_load import rows

SEED = REPO_ROOT / "seed_data"
REFERENCE = SEED / "reference"
REPORTS = REPO_ROOT / "tests" / "fixtures" / "reports"
LEDGER = REPORTS / "2023-04-24_siberian-ledger.yaml"
POVESTKA = REPORTS / "2023-04-24_soyuznaya-povestka.yaml"
BRIEFING = REPORTS / "2023-05-08_eastern-flank-briefing.yaml"
SHARED = SEED / "2023-04-24_peace-loving-region.yaml"

TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
SVERDLOVSK = "event:2023-04-26-golovchenko-sverdlovsk-visit"
CONTRACTS = "agreement:2023-04-novosibirsk-contracts"
BIF = "source:bif-2023-04-24-peace-loving-region"

FLAGSHIP = """
query {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
    region { isoCode }
    events(first: 100) { totalCount edges { node { id } } }
    contractValue { amount currency }
  }
}
"""


@pytest.fixture
async def reported(migrated_store: GraphStore) -> GraphStore:
    """seed_data/ and the three re-reports, loaded together. Read only."""
    return await _holding(migrated_store, "seed and reports", [SEED, REPORTS])


@pytest.fixture
async def reported_api(reported: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serve(create_app(settings)):
        yield client


async def load(store: GraphStore, *paths: Path, **options: Any) -> Any:
    return await load_paths(store, list(paths), reference_dir=REFERENCE, **options)


async def fact(store: GraphStore, fact_id: str) -> dict[str, Any]:
    found = await rows(store, "MATCH (n {id: $id}) WHERE n:Event OR n:Agreement RETURN n", id=fact_id)
    assert len(found) == 1, f"one node for {fact_id}, found {len(found)}"
    node: dict[str, Any] = found[0]["n"]
    return node


async def test_the_shared_digests_and_three_re_reports_make_one_node_per_fact(reported: GraphStore) -> None:
    store = reported
    counts = await rows(
        store,
        "MATCH (n) WHERE n:Event OR n:Agreement OR n:Office OR n:Claim "
        "RETURN [l IN labels(n) WHERE l IN ['Event', 'Agreement', 'Office', 'Claim']][0] AS label, "
        "count(*) AS count",
    )
    by_label = {row["label"]: row["count"] for row in counts}
    # 29 events: the Victory Day trip and the Moldovan ban, given under other ids, match the known ones
    assert by_label == {"Event": 29, "Agreement": 5, "Office": 7, "Claim": 32}

    trip = await fact(store, TRIP)
    assert trip["source_count"] == 3
    sources = await rows(
        store,
        "MATCH (r:Report {fact: $id})-[:FROM]->(s:Source) WHERE r.retracted_at IS NULL "
        "AND EXISTS { (r)-[:OF]->(:Event {id: $id}) } RETURN s.id AS source ORDER BY source",
        id=TRIP,
    )
    assert len(sources) == 3 and BIF in [row["source"] for row in sources]
    assert (trip["start_date"].iso_format(), trip["end_date"].iso_format()) == ("2023-04-26", "2023-04-28")


async def test_disagreements_are_listed_with_their_sources(reported: GraphStore) -> None:
    store = reported
    contracts = await fact(store, CONTRACTS)
    assert "value" in contracts["disputed"]
    assert contracts["value_amount"] == "13000000" and contracts["value_currency"] == "USD"
    value = next(d for d in json.loads(contracts["disputes"]) if d["field"] == "value")
    assert [len(each["sources"]) for each in value["values"]] == [2, 1]

    leg = await fact(store, SVERDLOVSK)
    assert "date" in leg["disputed"]
    assert (leg["start_date"].iso_format(), leg["end_date"].iso_format()) == ("2023-04-26", "2023-04-29")
    assert leg["date_precision"] == "range"
    date = next(d for d in json.loads(leg["disputes"]) if d["field"] == "date")
    assert len(date["values"]) == 3

    quotes = await rows(
        store, "MATCH (:Event {id: $id})-[e:EVIDENCE]->(s:Source) RETURN DISTINCT s.id AS source", id=TRIP
    )
    assert len(quotes) == 3, "each report keeps its own quotes from its own source"


async def test_links_carry_the_sources_that_assert_them(reported: GraphStore) -> None:
    store = reported
    lavrov = await rows(
        store,
        "MATCH (:Event {id: 'event:2023-01-19-lukashenka-lavrov-meeting'})-[p:PARTICIPANT]->"
        "(:Actor {id: 'person:alexander-lukashenka'}) "
        "RETURN p.role AS role, p.sources AS sources ORDER BY role",
    )
    assert [(row["role"], len(row["sources"])) for row in lavrov] == [("host", 1), ("participant", 1)]
    unreported = await rows(
        store, "MATCH (:Event)-[r:PARTICIPANT|IN_PLACE|ON]->() WHERE r.sources IS NULL RETURN count(*) AS n"
    )
    assert unreported == [{"n": 0}]


async def test_the_flagship_counts_a_fact_once_however_many_report_it(
    reported_api: httpx.AsyncClient,
) -> None:
    body = await gql(reported_api, FLAGSHIP)

    assert "errors" not in body, body
    answer = {row["region"]["isoCode"]: row for row in body["data"]["regionEngagements"]}
    assert answer["RU-NVS"]["contractValue"] == {"amount": "13000000", "currency": "USD"}
    for row in answer.values():
        ids = [edge["node"]["id"] for edge in row["events"]["edges"]]
        assert len(ids) == len(set(ids)), f"{row['region']['isoCode']}: an event listed twice"
        assert row["events"]["totalCount"] == len(ids), f"{row['region']['isoCode']}: an event counted twice"


async def test_load_a_load_b_unload_b_is_load_a_alone(store: GraphStore) -> None:
    await load(store, SEED)
    alone = await facts_and_links(store)

    await load(store, LEDGER)
    await load(store, POVESTKA)
    assert await facts_and_links(store) != alone
    await unload_source(store, _source(POVESTKA), by="test")
    await unload_source(store, _source(LEDGER), by="test")

    assert await facts_and_links(store) == alone


@pytest.mark.parametrize("page", [PAGE, 1], ids=["pages of 10,000", "pages of one"])
async def test_reloading_a_digest_without_a_record_retracts_its_report(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    """A source's live reports are read, and those its file dropped retracted, a page at a time (a reload of a
    source of millions of reports holds a page of them): with pages of one the outcome is the same."""
    monkeypatch.setattr(retraction, "PAGE", page)
    ledger = _copy(LEDGER, tmp_path)
    await load(store, SEED, ledger)
    talks = "event:2023-04-26-golovchenko-travnikov-talks"
    assert await rows(store, "MATCH (e:Event {id: $id}) RETURN e.id AS id", id=talks)
    assert (await fact(store, CONTRACTS))["source_count"] == 2

    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    data["events"] = [event for event in data["events"] if event["id"] != talks]
    data["agreements"] = [each for each in data["agreements"] if each["id"] != CONTRACTS]
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    summary = await load(store, ledger)

    assert summary.retracted == 2 and summary.deleted == 1
    assert await rows(store, "MATCH (e:Event {id: $id}) RETURN e.id AS id", id=talks) == []
    contracts = await fact(store, CONTRACTS)
    assert contracts["source_count"] == 1 and contracts["disputed"] == []
    retracted = await rows(
        store, "MATCH (r:Report {fact: $id}) WHERE r.retracted_at IS NOT NULL RETURN count(*) AS n", id=talks
    )
    assert retracted == [{"n": 1}], "the report stays, retracted, for history"


async def test_each_load_leaves_a_load_record_with_its_counts(store: GraphStore) -> None:
    await load(store, SHARED)
    await load(store, LEDGER, by="analyst-anna")
    await load(store, LEDGER, by="analyst-anna")
    await unload_source(store, _source(LEDGER), by="analyst-boris")

    records = await rows(
        store,
        "MATCH (l:Load) WHERE l.file ENDS WITH 'siberian-ledger.yaml' OR l.kind = 'unload' "
        "RETURN l.kind AS kind, l.by AS by, l.created AS created, l.merged AS merged, "
        "l.retracted AS retracted, l.unchanged AS unchanged, size(l.hashes) AS hashes ORDER BY l.at",
    )
    first, unload = records[0], records[-1]
    assert (first["kind"], first["by"], first["hashes"]) == ("load", "analyst-anna", 1)
    assert first["created"] == 1 and first["merged"] >= 7 and first["retracted"] == 0
    assert len(records) == 2, "an unchanged reload writes nothing, not even its record"
    assert (unload["kind"], unload["by"]) == ("unload", "analyst-boris")
    assert unload["retracted"] == first["created"] + first["merged"]
    linked = await rows(store, "MATCH (r:Report)-[:IN_LOAD]->(:Load) RETURN count(DISTINCT r) AS n")
    assert linked[0]["n"] > 0


async def test_a_fact_is_stamped_with_the_load_that_first_reported_it_and_the_last_that_changed_it(
    store: GraphStore,
) -> None:
    """The loader sends a file's load time once per batch (`$at`), not on every row: a fact one file reports
    is stamped with that file's :Load time; a fact a later file re-reports keeps its first time and takes
    the later one as its last change."""
    await load(store, SHARED)
    await load(store, LEDGER)
    loaded = {
        each["file"]: each["at"]
        for each in await rows(store, "MATCH (l:Load) RETURN l.file AS file, l.at AS at")
    }
    shared_at = next(at for file, at in loaded.items() if file and file.endswith(SHARED.name))
    ledger_at = next(at for file, at in loaded.items() if file and file.endswith(LEDGER.name))
    stamps = await rows(
        store,
        "MATCH (n) WHERE (n:Event OR n:Agreement) AND n.source_count IS NOT NULL "
        "RETURN n.id AS id, n.source_count AS count, n.first_reported AS first, n.last_changed AS last",
    )
    assert stamps and all(each["first"] is not None and each["last"] is not None for each in stamps)
    once = [each for each in stamps if each["count"] == 1]
    twice = [each for each in stamps if each["count"] == 2]
    assert once and twice
    assert all(each["first"] == each["last"] in (shared_at, ledger_at) for each in once)
    assert all((each["first"], each["last"]) == (shared_at, ledger_at) for each in twice)


async def test_an_actor_two_files_define_is_merged_and_a_conflict_names_both(
    store: GraphStore, tmp_path: Path
) -> None:
    own = tmp_path / "reference"
    own.mkdir()
    (own / "extra.yaml").write_text(
        "actors:\n"
        "  - {id: 'region:RU-NVS', kind: region, name: Novosibirsk Oblast, aliases: [Novosib], "
        "parent: 'country:RU'}\n",
        encoding="utf-8",
    )
    await load(store, SHARED, own)
    aliases = await rows(store, "MATCH (a:Actor {id: 'region:RU-NVS'}) RETURN a.aliases AS aliases")
    assert "Novosib" in aliases[0]["aliases"] and len(aliases[0]["aliases"]) > 1

    (own / "extra.yaml").write_text(
        "actors:\n  - {id: 'region:RU-NVS', kind: region, name: Novonikolayevsk, parent: 'country:RU'}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as refused:
        await load(store, SHARED, own)
    message = str(refused.value)
    assert "extra.yaml" in message and "ru_federal_subjects.yaml" in message and "'region:RU-NVS'" in message


async def test_a_fact_twice_in_one_file_is_still_a_duplicate(store: GraphStore, tmp_path: Path) -> None:
    ledger = _copy(LEDGER, tmp_path)
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    data["events"].append(copy.deepcopy(data["events"][0]))
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    with pytest.raises(InvalidInput, match="duplicate id"):
        await load(store, SHARED, ledger)
    assert await rows(store, "MATCH (n) WHERE NOT n:Actor RETURN count(n) AS n") == [{"n": 0}]


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


async def test_kg_unload_by_file_or_source_id(store: GraphStore, kg: CliRunner) -> None:
    await load(store, SHARED, BRIEFING)

    by_file = await asyncio.to_thread(kg.invoke, app, ["unload", str(BRIEFING), "--by", "analyst-anna"])
    again = await asyncio.to_thread(kg.invoke, app, ["unload", _source(BRIEFING)])

    assert by_file.exit_code == 0, by_file.output
    assert "report(s) retracted" in by_file.output
    assert again.exit_code == 1
    assert "nothing to unload" in again.stderr
    assert await rows(store, "MATCH (s:Source {id: $id}) RETURN s", id=_source(BRIEFING)) == []


def _source(path: Path) -> str:
    source: str = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]["id"]
    return source


def _copy(path: Path, folder: Path) -> Path:
    shutil.copytree(REPORTS / "sources", folder / "sources", dirs_exist_ok=True)
    return Path(shutil.copy(path, folder / path.name))
