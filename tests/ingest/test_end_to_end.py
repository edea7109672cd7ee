"""The unreviewed drafts of the shared digests load into Neo4j as they are, and the first one answers the
flagship: Minsk engaged Novosibirsk (USD 13,000,000 of contracts), Irkutsk and Sverdlovsk."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from graph.ingest.pipeline import ingest, write_draft
from graph.load import load_paths
from graph.settings import REPO_ROOT
from graph.store import GraphStore
from tests.conftest import gql

SHARED = REPO_ROOT.parent / "shared" / "seeds"
DIGESTS = sorted([*SHARED.glob("*.txt"), *SHARED.glob("more/*.txt")])
FIRST = SHARED / "000_8cc1b99d2e22a9cb.txt"
SEED = REPO_ROOT / "seed_data"

FLAGSHIP = """
query {
  regionEngagements(actor: "Minsk", country: "RU", from: "2023-01-01", to: "2023-12-31") {
    region { isoCode }
    contractValue { amount currency }
  }
}
"""


def draft(digest: Path, folder: Path) -> Path:
    out = folder / digest.with_suffix(".draft.yaml").name
    write_draft(ingest(digest, SEED), out)
    return out


@pytest.mark.skipif(not DIGESTS, reason="the shared digests are beside the repository")
async def test_every_unreviewed_draft_of_the_shared_digests_loads(store: GraphStore, tmp_path: Path) -> None:
    drafts = [draft(digest, tmp_path) for digest in DIGESTS]

    summary = await load_paths(store, drafts, reference_dir=SEED / "reference")

    assert summary is not None


@pytest.mark.skipif(not FIRST.exists(), reason="the shared digests are beside the repository")
async def test_the_first_digests_draft_answers_the_flagship(
    store: GraphStore, api: httpx.AsyncClient, tmp_path: Path
) -> None:
    await load_paths(store, [draft(FIRST, tmp_path)], reference_dir=SEED / "reference")

    body = await gql(api, FLAGSHIP)

    assert "errors" not in body, body
    rows = {r["region"]["isoCode"]: r["contractValue"] for r in body["data"]["regionEngagements"]}
    assert rows == {
        "RU-NVS": {"amount": "13000000", "currency": "USD"},
        "RU-IRK": None,
        "RU-SVE": None,
    }
