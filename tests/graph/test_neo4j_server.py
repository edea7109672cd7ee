"""A developer without Docker runs a real Neo4j through `kg neo4j start|stop|status`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from neo4j import GraphDatabase

from graph.settings import LOCAL_DEV_PASSWORD

KG = [sys.executable, "-m", "graph.cli"]


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    return subprocess.run(
        [*KG, *args], capture_output=True, text=True, env={**base, **(env or {})}, timeout=300, check=False
    )


def status_of(data_dir: Path) -> dict[str, str]:
    out = kg("neo4j", "status", "--data-dir", str(data_dir)).stdout.splitlines()
    return {"state": out[0], **dict(line.split(": ", 1) for line in out[1:])}


def test_start_stop_restart_keeps_the_data(tmp_path: Path, neo4j_uri: str) -> None:
    taken_port = str(urlparse(neo4j_uri).port or 7687)
    started = kg("neo4j", "start", "--data-dir", str(tmp_path), "--port", taken_port)
    assert started.returncode == 0, started.stderr
    running = status_of(tmp_path)
    assert running["state"] == "running"
    assert running["version"].startswith("5.26")
    assert running["data_dir"] == str(tmp_path)
    assert not running["uri"].endswith(f":{taken_port}"), "a taken port must be swapped for a free one"

    auth = ("neo4j", LOCAL_DEV_PASSWORD)
    with GraphDatabase.driver(running["uri"], auth=auth) as driver:
        driver.execute_query("CREATE (:Probe {name: 'kept across restarts'})")

    stopped = kg("neo4j", "stop", "--data-dir", str(tmp_path))
    assert stopped.returncode == 0
    assert status_of(tmp_path)["state"] == "stopped"

    assert kg("neo4j", "start", "--data-dir", str(tmp_path)).returncode == 0
    uri = status_of(tmp_path)["uri"]
    try:
        with GraphDatabase.driver(uri, auth=auth) as driver:
            records = driver.execute_query("MATCH (p:Probe) RETURN p.name AS name").records
        assert [r["name"] for r in records] == ["kept across restarts"]
    finally:
        kg("neo4j", "stop", "--data-dir", str(tmp_path))


def test_without_java_start_says_what_is_missing(tmp_path: Path) -> None:
    no_java_path = str(Path(sys.executable).parent)
    result = kg("neo4j", "start", "--data-dir", str(tmp_path), env={"PATH": no_java_path, "JAVA_HOME": ""})
    assert result.returncode == 1
    assert "Java 17+ is required" in result.stderr
    assert "NEO4J_URI" in result.stderr


def test_a_failed_start_shows_the_log_tail_and_its_path(tmp_path: Path) -> None:
    result = kg("neo4j", "start", "--data-dir", str(tmp_path), env={"KG_NEO4J_HEAP": "1k"})
    assert result.returncode == 1
    assert "Neo4j exited with code" in result.stderr
    assert str(tmp_path / "logs") in result.stderr
    assert status_of(tmp_path)["state"] == "stopped"


def test_with_neo4j_uri_set_nothing_is_started(tmp_path: Path) -> None:
    result = kg("neo4j", "start", "--data-dir", str(tmp_path), env={"NEO4J_URI": "neo4j://db.example:7687"})
    assert result.returncode == 0
    assert "starting nothing" in result.stderr
    assert not (tmp_path / "run").exists()
