"""`kg validate` and `kg load` from the shell: a clear report, and an exit code scripts can trust."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.schema import migrate
from graph.settings import Settings, get_settings
from graph.store import GraphStore

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = ["--reference", str(FIXTURES / "reference")]
DIGEST = str(FIXTURES / "peace-loving-region.yaml")

runner = CliRunner()


@pytest.fixture
def runner_on_test_server(settings: Settings) -> Iterator[CliRunner]:
    """A runner whose `kg` talks to the session's Neo4j server (NEO4J_URI in the command's environment)."""
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": settings.neo4j_uri or ""})
    get_settings.cache_clear()


def test_validate_says_all_is_well_for_a_good_digest() -> None:
    result = runner.invoke(app, ["validate", DIGEST, *REFERENCE])

    assert result.exit_code == 0, result.output
    assert "All valid: 26 records in 3 file(s)." in result.output


def test_validate_lists_every_problem_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "events:\n  - {id: 'event:x', kind: party}\n  - {id: 'event:y', kind: meeting, title: Y}\n"
    )

    result = runner.invoke(app, ["validate", str(bad), *REFERENCE])

    assert result.exit_code == 1
    assert "problem(s) found; nothing was written" in result.stderr
    assert f"{bad}:2, record events[0] event:x, field 'kind': 'party' is not a known kind" in result.stderr
    assert f"{bad}:3, record events[1] event:y, field 'date': is required but missing" in result.stderr


def test_validate_refuses_dates_and_numbers_the_graph_cannot_hold_line_by_line(tmp_path: Path) -> None:
    """These used to pass validation and then fail the load with a traceback (OverflowError, Neo4j's
    transaction memory limit, an integer too large to pack), or store Infinity."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "events:\n"
        "  - {id: 'event:millennium', kind: meeting, title: M, date: {start: 1023-01-01, end: 2023-12-31},\n"
        "     evidence: [{quote: q, source: 'source:x'}]}\n"
        "  - {id: 'event:forever', kind: meeting, title: F, date: {start: 2023-04-28, end: 9999-12-31},\n"
        "     evidence: [{quote: q, source: 'source:x'}]}\n"
        "claims:\n"
        "  - {id: 'claim:huge', text: H, value: 1180591620717411303424,\n"
        "     evidence: [{quote: q, source: 'source:x'}]}\n"
    )

    result = runner.invoke(app, ["validate", str(bad), *REFERENCE])

    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert (
        f"{bad}:2, record events[0] event:millennium, field 'date.start': "
        "1023-01-01 is before the earliest date the graph accepts, 1800-01-01"
    ) in result.stderr
    assert (
        f"{bad}:4, record events[1] event:forever, field 'date.end': "
        "9999-12-31 is after the latest date the graph accepts, 2100-12-31"
    ) in result.stderr
    assert (
        f"{bad}:7, record claims[0] claim:huge, field 'value': "
        "1180591620717411303424 does not fit in a 64-bit integer"
    ) in result.stderr


def test_validate_names_a_missing_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nowhere.yaml")])

    assert result.exit_code == 1
    assert "nowhere.yaml: no such file or folder" in result.stderr


def test_a_dry_run_load_prints_the_summary_table(runner_on_test_server: CliRunner) -> None:
    result = runner_on_test_server.invoke(app, ["load", DIGEST, "--dry-run", *REFERENCE])

    assert result.exit_code == 0, result.output
    assert "would be created" in result.output
    assert "Visit" in result.output


def test_kg_load_refuses_a_file_with_a_nul_byte_and_names_its_line(
    runner_on_test_server: CliRunner, tmp_path: Path
) -> None:
    """yaml-rs stopped at the NUL and `kg load` loaded the records before it, exit code 0."""
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(
        b"actors:\n  - {id: 'person:a', kind: person, name: A}\n\0\n"
        b"  - {id: 'person:b', kind: person, name: B}\n"
    )

    result = runner_on_test_server.invoke(app, ["load", str(bad), *REFERENCE])

    assert result.exit_code == 1
    assert f"{bad}:3: a NUL (U+0000) at column 1: not allowed in a text file (binary?)" in result.stderr
    assert "Traceback" not in result.output


async def test_kg_load_into_a_database_never_migrated_applies_the_schema_first(
    runner_on_test_server: CliRunner, store: GraphStore
) -> None:
    """`kg neo4j start` then `kg load`: the loader's name lookups use the full-text index, and a database
    without it answered with a Neo4j ClientError and a traceback."""
    async with store.driver.session(database=store.database) as session:
        await (await session.run("DROP INDEX names_and_titles IF EXISTS")).consume()
    try:
        result = await asyncio.to_thread(
            runner_on_test_server.invoke, app, ["load", DIGEST, "--dry-run", *REFERENCE]
        )

        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        names = await store.read("schema_names")
        assert "names_and_titles" in {row["name"] for row in names}
    finally:
        await migrate(store)
