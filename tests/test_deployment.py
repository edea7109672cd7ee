"""A user with Docker runs `docker compose up`; a user without reads the README. Both must be right."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from graph.settings import Settings

REPO = Path(__file__).resolve().parent.parent


def compose_command() -> list[str]:
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True, check=False).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    pytest.skip("neither `docker compose` nor `docker-compose` is installed (make test installs it with apt)")


def compose_config(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*compose_command(), "-f", str(REPO / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=60,
    )


def test_compose_file_is_valid_and_wires_the_api_to_a_healthy_neo4j() -> None:
    result = compose_config({"NEO4J_PASSWORD": "a-real-secret"})
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    neo4j, api = config["services"]["neo4j"], config["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j
    assert any("neo4j-data" in str(volume) for volume in neo4j["volumes"])
    assert "neo4j-data" in config["volumes"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert api["environment"]["NEO4J_PASSWORD"] == "a-real-secret"


def test_compose_refuses_to_run_without_a_password() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    result = subprocess.run(
        [*compose_command(), "-f", str(REPO / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    assert "NEO4J_PASSWORD" in result.stderr


def test_readme_documents_every_setting() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        variable = str(alias.choices[0]) if alias is not None else f"KG_{name.upper()}"  # type: ignore[union-attr]
        assert re.search(rf"`{variable}`", readme), f"README's settings table lacks {variable}"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci_command = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    first_lines = "\n".join((REPO / "README.md").read_text(encoding="utf-8").splitlines()[:15])
    assert ci_command == "make test"
    assert "make test" in first_lines and "make run" in first_lines
