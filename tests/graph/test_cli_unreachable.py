"""Every `kg` command that talks to Neo4j, with no Neo4j to talk to: one clear line and exit status 1, never
a traceback (the CLI's users are analysts loading files, not Python programmers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.settings import REPO_ROOT, get_settings

NOWHERE = "bolt://127.0.0.1:1"
"""A port nothing listens on: the connection is refused at once."""
SEED = REPO_ROOT / "seed_data"


@pytest.fixture
def kg() -> Iterator[CliRunner]:
    get_settings.cache_clear()
    yield CliRunner(env={"NEO4J_URI": NOWHERE, "KG_WRITE_RETRIES": "0"})
    get_settings.cache_clear()


@pytest.mark.parametrize(
    "arguments",
    [
        ["migrate"],
        ["review"],
        ["load", str(SEED)],
        ["unload", "source:nothing"],
        ["backup", "{tmp}/backup.jsonl"],
    ],
    ids=lambda arguments: arguments[0],
)
def test_a_command_without_neo4j_says_so_in_one_line(
    kg: CliRunner, tmp_path: Path, arguments: list[str]
) -> None:
    result = kg.invoke(app, [each.format(tmp=tmp_path) for each in arguments])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "not reachable" in result.output
    assert "Traceback" not in result.output and "╭" not in result.output, result.output
