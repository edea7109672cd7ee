"""What an analyst writes through the API is a report of its source, like a digest's: a digest loaded later
that reports the same contract signing with other words and another date makes a second report of it (the
disagreement shown, the source count 2), never silently overwrites the analyst's values, and withdrawing the
digest (`kg unload`) leaves the analyst's report as it was."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from tests.api.mutation_inputs import AS_WRITER, DELETE_EVENT, SOURCE, UPSERT_EVENT, signing
from tests.conftest import gql
from tests.graph.test_load import rows

SIGNING = "event:2023-04-27-novosibirsk-contract-signing"
WIRE = "source:test-wire-2023-04-28"
WIRE_TEXT = "Belarusian officials signed contracts in Novosibirsk on 28 April, the wire reported.\n"
WIRE_DIGEST = f"""\
source:
  id: {WIRE}
  title: Wire report
  publisher: Test Wire (invented for the tests)
  language: en
  text_file: wire.txt
events:
  - id: {SIGNING}
    kind: contract_signing
    title: Belarus signs contracts in Novosibirsk
    date: 2023-04-28
    participants:
      - {{actor: Roman Golovchenko, role: head_of_delegation}}
    places: [Novosibirsk region]
    evidence:
      - quote: Belarusian officials signed contracts in Novosibirsk on 28 April
"""
FACT = """query ($id: ID!) { event(id: $id) {
  title startDate sourceCount
  reports { source { id } title startDate retractedAt }
  disputes { field values { value sources { id } } }
  participants { role actor { id } }
} }"""
GOLOVCHENKO = {
    "id": "person:roman-golovchenko",
    "kind": "PERSON",
    "name": "Roman Golovchenko",
    "aliases": ["Raman Halouchanka"],
}
UPSERT_ACTOR = "mutation ($input: ActorInput!) { upsertActor(input: $input) { id } }"


@pytest.fixture
def kg(settings: Settings) -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


async def fact(client: httpx.AsyncClient, fact_id: str = SIGNING) -> dict[str, Any]:
    body = await gql(client, FACT, id=fact_id)
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["event"]
    return found


async def kg_run(kg: CliRunner, *arguments: str) -> Any:
    result = await asyncio.to_thread(kg.invoke, app, list(arguments))
    assert result.exit_code == 0, result.output
    return result


async def test_a_mutation_is_a_report_a_later_digest_reconciles_with_and_unload_leaves(
    api_with_keys: httpx.AsyncClient, store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    written = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=signing())
    assert "errors" not in written, written
    by_api = await fact(api_with_keys)
    assert by_api["sourceCount"] == 1
    assert [report["source"]["id"] for report in by_api["reports"]] == [SOURCE]
    loads = await rows(
        store,
        "MATCH (:Report {fact: $id})-[:IN_LOAD]->(l:Load) RETURN l.kind AS kind, l.by AS by",
        id=SIGNING,
    )
    assert loads == [{"kind": "mutation", "by": "analyst-anna"}]
    (tmp_path / "wire.yaml").write_text(WIRE_DIGEST, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")

    await kg_run(kg, "load", str(tmp_path / "wire.yaml"), "--reference", "")

    both = await fact(api_with_keys)
    assert both["sourceCount"] == 2
    assert {(r["source"]["id"], r["title"], r["startDate"]) for r in both["reports"]} == {
        (SOURCE, "Contracts signed during the visit to Novosibirsk", "2023-04-27"),
        (WIRE, "Belarus signs contracts in Novosibirsk", "2023-04-28"),
    }
    disputed = {dispute["field"]: dispute["values"] for dispute in both["disputes"]}
    assert "title" in disputed
    assert {source["id"] for value in disputed["title"] for source in value["sources"]} == {SOURCE, WIRE}

    await kg_run(kg, "unload", WIRE)

    assert await fact(api_with_keys) == by_api, "the API's report alone again, as before the digest"


async def test_a_mutation_of_a_loaded_fact_from_another_source_is_merged_and_a_deletion_retracts(
    api_with_keys: httpx.AsyncClient, store: GraphStore, kg: CliRunner, tmp_path: Path
) -> None:
    await gql(api_with_keys, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    (tmp_path / "wire.yaml").write_text(WIRE_DIGEST, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    await kg_run(kg, "load", str(tmp_path / "wire.yaml"), "--reference", "")

    written = await gql(api_with_keys, UPSERT_EVENT, headers=AS_WRITER, input=signing())
    assert "errors" not in written, written

    both = await fact(api_with_keys)
    assert both["sourceCount"] == 2
    [record] = await rows(
        store,
        "MATCH (l:Load {kind: 'mutation'}) WHERE l.merged > 0 "
        "RETURN l.merged AS merged, l.created AS created",
    )
    assert record == {"merged": 1, "created": 1}, "the event merged, its new agreement created"

    deleted = await gql(api_with_keys, DELETE_EVENT, headers=AS_WRITER, id=SIGNING)
    assert "errors" not in deleted, deleted
    live = await rows(
        store, "MATCH (r:Report {fact: $id}) WHERE r.retracted_at IS NULL RETURN count(r) AS n", id=SIGNING
    )
    assert live == [{"n": 0}], "a deleted fact keeps its reports for history, retracted"
