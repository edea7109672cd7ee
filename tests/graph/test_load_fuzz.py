"""A bounded fuzz of the loader: malformed variants of a good digest (tests/graph/load_mutations.py, a fixed
seed, so every run tries the same files). Each is loaded or refused with located problems (never another
exception, never a traceback), and a refused file leaves the graph exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from graph.cli import app
from graph.errors import InvalidInput, KgError
from graph.store import GraphStore
from tests.graph.load_mutations import mutants
from tests.graph.test_load import DIGEST, FIXTURES, REFERENCE, graph_snapshot, load

LOADS = 150
"""Mutants loaded into Neo4j (about 20 s); the first pass refuses most of them, so it is quick."""
VALIDATIONS = 60


async def test_every_malformed_variant_is_loaded_or_refused_with_its_place_and_nothing_written(
    store: GraphStore, tmp_path: Path
) -> None:
    shutil.copytree(FIXTURES / "sources", tmp_path / "sources")
    await load(store, DIGEST)
    before = await graph_snapshot(store)
    unexpected: list[str] = []
    outcomes = {"loaded": 0, "refused": 0}

    for story, name, content in mutants(DIGEST.read_text(encoding="utf-8"), LOADS):
        path = tmp_path / name
        path.write_bytes(content)
        try:
            await load(store, path)
        except InvalidInput as exc:
            outcomes["refused"] += 1
            unlocated = [str(p) for p in exc.problems if p.location.file not in (str(path), str(REFERENCE))]
            if unlocated or not exc.problems:
                unexpected.append(f"{story}: problems without their file: {unlocated}")
        except KgError as exc:
            outcomes["refused"] += 1
            if name not in str(exc):
                unexpected.append(f"{story}: {type(exc).__name__} without the file's name: {exc}")
        except Exception as exc:  # the point: name every other exception, then fail
            unexpected.append(f"{story}: {type(exc).__name__}: {str(exc)[:300]}")
        else:
            outcomes["loaded"] += 1
            before = await graph_snapshot(store)
            continue
        finally:
            path.unlink()
        if await graph_snapshot(store) != before:
            unexpected.append(f"{story}: refused, but the graph changed")
            before = await graph_snapshot(store)

    assert unexpected == []
    assert outcomes["refused"] > LOADS // 2 and outcomes["loaded"] > 0, outcomes


def test_kg_validate_answers_every_malformed_variant_with_an_exit_code_not_a_traceback(
    tmp_path: Path,
) -> None:
    shutil.copytree(FIXTURES / "sources", tmp_path / "sources")
    runner = CliRunner()
    crashes = []
    for story, name, content in mutants(DIGEST.read_text(encoding="utf-8"), VALIDATIONS, seed=7):
        path = tmp_path / name
        path.write_bytes(content)
        result = runner.invoke(app, ["validate", str(path), "--reference", str(REFERENCE)])
        if result.exit_code not in (0, 1) or "Traceback" in result.output:
            crashes.append(f"{story}: exit {result.exit_code}: {result.exception!r}")
        path.unlink()

    assert crashes == []
