"""An analyst's quote must be the source's own words when the graph holds the source's text: a quote that is
not in it is refused, naming the field, and nothing is written. Without a stored text the quote cannot be
checked: it is accepted and left without offsets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from graph.load import load_paths
from graph.store import GraphStore
from tests.api.mutation_inputs import (
    AS_WRITER,
    GOLOVCHENKO,
    SEED,
    SIGNING_QUOTE,
    SOURCE,
    UPSERT_ACTOR,
    UPSERT_EVENT,
    signing,
)
from tests.conftest import gql

BEFORE = "Belarus and Russia, a weekly digest. "
STORE_TEXT = """MATCH (s:Source {id: $id})
MERGE (s)-[:HAS_TEXT]->(t:SourceText)
SET t.text = $text"""


async def _store_text(store: GraphStore, text: str) -> None:
    """What a load of the source's text file leaves in the graph (test Cypher, straight to the driver)."""
    async with store.driver.session(database=store.database) as session:
        await (await session.run(STORE_TEXT, id=SOURCE, text=text)).consume()


async def _upsert(client: httpx.AsyncClient, event: dict[str, Any]) -> dict[str, Any]:
    """The contract signing's head of delegation recorded first, then `event`."""
    actor = await gql(client, UPSERT_ACTOR, headers=AS_WRITER, input=GOLOVCHENKO)
    assert "errors" not in actor, actor
    return await gql(client, UPSERT_EVENT, headers=AS_WRITER, input=event)


async def _event_count(client: httpx.AsyncClient) -> int:
    body = await gql(client, "{ events { totalCount } }")
    count: int = body["data"]["events"]["totalCount"]
    return count


async def test_a_quote_not_in_the_source_text_is_refused(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    await _store_text(store, BEFORE + SIGNING_QUOTE)
    before = await _event_count(api_with_keys)
    event = signing()
    event["evidence"] = [{"quote": "Contracts worth RUB 13 billion were signed.", "source": SOURCE}]
    body = await _upsert(api_with_keys, event)
    error = body["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "input.evidence[0].quote"}
    assert f"is not in the text of {SOURCE}" in error["message"]
    assert await _event_count(api_with_keys) == before


async def test_an_agreement_quote_not_in_the_source_text_names_its_path(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    await _store_text(store, BEFORE + SIGNING_QUOTE)
    event = signing()
    event["agreements"][0]["evidence"] = [{"quote": "a made-up sentence", "source": SOURCE}]
    body = await _upsert(api_with_keys, event)
    assert body["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "argument": "input.agreements[0].evidence[0].quote",
    }


async def test_a_quote_in_the_source_text_is_placed_in_it(
    api_with_keys: httpx.AsyncClient, store: GraphStore
) -> None:
    await _store_text(store, BEFORE + SIGNING_QUOTE)
    event = signing()
    event["agreements"][0]["evidence"] = [{"quote": SIGNING_QUOTE, "source": SOURCE}]
    body = await _upsert(api_with_keys, event)
    assert "errors" not in body, body
    [evidence] = body["data"]["upsertEvent"]["evidence"]
    assert (evidence["start"], evidence["end"]) == (len(BEFORE), len(BEFORE) + len(SIGNING_QUOTE))


async def test_without_a_stored_text_a_quote_is_accepted_without_offsets(
    api_with_keys: httpx.AsyncClient,
) -> None:
    event = signing()
    event["evidence"] = [{"quote": "Words the graph cannot check.", "source": SOURCE}]
    body = await _upsert(api_with_keys, event)
    assert "errors" not in body, body
    [evidence] = body["data"]["upsertEvent"]["evidence"]
    assert (evidence["start"], evidence["end"]) == (None, None)


async def test_the_text_a_load_brings_judges_later_quotes(
    api_with_keys: httpx.AsyncClient, store: GraphStore, tmp_path: Path
) -> None:
    """The digest's own seed file names its text (`text_file`): `kg load` stores it with the source, and from
    then on a mutation quoting that source is held to its words."""
    (tmp_path / "digest.txt").write_text(BEFORE + SIGNING_QUOTE, encoding="utf-8")
    seed = SEED.read_text(encoding="utf-8").replace(
        "  language: en\n", "  language: en\n  text_file: digest.txt\n"
    )
    (tmp_path / "digest.yaml").write_text(seed, encoding="utf-8")
    await load_paths(store, [tmp_path / "digest.yaml"], reference_dir=None)

    made_up = signing()
    made_up["evidence"] = [{"quote": "Contracts worth RUB 13 billion were signed.", "source": SOURCE}]
    refused = await _upsert(api_with_keys, made_up)
    assert refused["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "argument": "input.evidence[0].quote",
    }

    body = await _upsert(api_with_keys, signing())
    assert "errors" not in body, body
    [evidence] = body["data"]["upsertEvent"]["evidence"]
    assert (evidence["start"], evidence["end"]) == (len(BEFORE), len(BEFORE) + len(SIGNING_QUOTE))
