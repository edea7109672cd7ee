"""The draft is a seed file that `kg validate` accepts, and it tells the analyst what to check."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from graph.cli import app
from graph.load.pipeline import check_paths
from tests.ingest.conftest import FIXTURE_SEED, WriteDigest
from tests.ingest.test_ingest_english import DIGEST

runner = CliRunner()


def ingest_to(tmp_path: Path, write_digest: WriteDigest, text: str = DIGEST) -> Path:
    digest = write_digest(text)
    out = tmp_path / "drafts" / "digest.draft.yaml"
    result = runner.invoke(app, ["ingest", str(digest), "--out", str(out), "--seed", str(FIXTURE_SEED)])
    assert result.exit_code == 0, result.output
    return out


def test_the_draft_validates_against_the_reference_data(tmp_path: Path, write_digest: WriteDigest) -> None:
    draft = ingest_to(tmp_path, write_digest)
    checked = check_paths([draft], FIXTURE_SEED / "reference")
    assert checked.records > 5


def test_the_draft_points_at_the_digest_and_quotes_it_exactly(
    tmp_path: Path, write_digest: WriteDigest
) -> None:
    draft = ingest_to(tmp_path, write_digest)
    document = yaml.safe_load(draft.read_text(encoding="utf-8"))
    text = (draft.parent / document["source"]["text_file"]).read_text(encoding="utf-8")
    assert str(document["source"]["period"]["start"]) == "2022-03-06"
    quotes = [e["quote"] for event in document["events"] for e in event["evidence"]]
    assert quotes and all(quote in text for quote in quotes)


def test_new_actors_are_proposed_and_flagged_for_review(tmp_path: Path, write_digest: WriteDigest) -> None:
    draft = ingest_to(tmp_path, write_digest)
    document = yaml.safe_load(draft.read_text(encoding="utf-8"))
    proposed = {a["id"]: a for a in document["actors"]}
    assert proposed["person:piotr-parkhomchik"]["name"] == "Piotr Parkhomchik"
    assert proposed["city:moscow"]["parent"] == "country:RU"
    assert "REVIEW: new actor proposed" in draft.read_text(encoding="utf-8")


def test_a_signing_produces_an_agreement_with_its_value(tmp_path: Path, write_digest: WriteDigest) -> None:
    document = yaml.safe_load(ingest_to(tmp_path, write_digest).read_text(encoding="utf-8"))
    [agreement] = document["agreements"]
    assert agreement["value"] == {"amount": "40000000", "currency": "USD"}
    signing = next(e for e in document["events"] if e["kind"] == "contract_signing")
    assert signing["produced"] == [agreement["id"]]


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output


def test_an_empty_digest_is_refused_with_its_name(tmp_path: Path, write_digest: WriteDigest) -> None:
    digest = write_digest("   \n")
    result = runner.invoke(app, ["ingest", str(digest), "--seed", str(FIXTURE_SEED)])
    assert result.exit_code == 2 and "empty" in result.output


def test_a_bad_period_option_says_what_is_expected(tmp_path: Path, write_digest: WriteDigest) -> None:
    digest = write_digest(DIGEST)
    result = runner.invoke(app, ["ingest", str(digest), "--period", "last week", "--seed", str(FIXTURE_SEED)])
    assert result.exit_code == 2 and "START/END" in result.output
