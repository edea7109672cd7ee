"""A query stopped at its timeout: the store says what happened, and each caller says what to do about it.

An API client is told to ask for less (GraphQL and REST alike); whoever loads or unloads is told which
setting stopped it and that nothing was written, not the API's advice about pages. The slow query is
tests/api/test_timeouts.py's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import graph.store as store_module
from api.app import create_app
from api.errors import ASK_FOR_LESS
from graph.errors import QueryTimeout
from graph.load.unload import unload_source
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.test_timeouts import SLOW
from tests.api.test_timeouts import impatient as impatient  # a pytest fixture
from tests.api.test_timeouts import impatient_store as impatient_store  # a pytest fixture
from tests.api.test_timeouts import slow_queries as slow_queries  # a pytest fixture
from tests.conftest import gql, serve
from tests.graph.test_load import load
from tests.graph.test_load_malformed import HEADER, SOURCE_TEXT, meeting


def _slow(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """The named queries run SLOW, read or written."""
    for text_of in ("cypher", "planned_once", "planned_to_keep"):
        real = getattr(store_module, text_of)
        monkeypatch.setattr(
            store_module, text_of, lambda query, real=real: SLOW if query in names else real(query)
        )


async def test_the_store_says_what_happened_and_the_api_what_to_do(
    store: GraphStore, impatient_store: GraphStore, impatient: Settings, slow_queries: None
) -> None:
    with pytest.raises(QueryTimeout) as raised:
        await impatient_store.read("read/search", lucene="minsk", kinds=None, limit=1)
    assert raised.value.message == "the query ran longer than the server allows and was stopped"

    async for client in serve(create_app(impatient)):
        await gql(client, "{ actors { totalCount } }")  # planned once, while the server is idle
        body = await gql(client, '{ search(text: "Minsk") { id } }')
        export = await client.get("/export/events.csv")
    assert body["errors"][0]["message"].endswith(f"and was stopped; {ASK_FOR_LESS}")
    assert export.status_code == 504
    assert export.json()["detail"].endswith(f"and was stopped; {ASK_FOR_LESS}")


async def test_an_unload_that_runs_too_long_names_the_setting(
    impatient_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow(monkeypatch, "report_live")

    with pytest.raises(QueryTimeout) as stopped:
        await unload_source(impatient_store, "source:any-digest", by="test")

    message = str(stopped.value)
    assert "KG_LOAD_TIMEOUT (1 s)" in message and "nothing of it was written" in message
    assert "page" not in message


async def test_a_load_whose_first_pass_runs_too_long_names_the_setting(
    impatient_store: GraphStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _slow(monkeypatch, "load_known_ids")
    (tmp_path / "text.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    digest = tmp_path / "digest.yaml"  # its host is no file's: the first pass asks the graph for it
    digest.write_text(
        HEADER + meeting(participants="[{actor: 'person:not-in-any-file', role: host}]"), encoding="utf-8"
    )

    with pytest.raises(QueryTimeout) as stopped:
        await load(impatient_store, digest)

    message = str(stopped.value)
    assert "KG_LOAD_TIMEOUT (1 s)" in message and "nothing was written" in message
    assert "page" not in message
