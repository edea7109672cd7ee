"""After `pip install` of the wheel, `kg load` and `kg up` work from any folder: the reference data and the
queries travel inside the package (pyproject's force-include), and are found there when there is no
checkout around. The wheel's layout is laid out by hand from pyproject.toml's own tables (building the real
wheel needs hatchling from PyPI and a minute); the commands run from a folder outside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from graph.settings import REPO_ROOT, Settings
from graph.store import GraphStore
from tests.graph.test_load import rows

SHARED = REPO_ROOT / "seed_data" / "2023-04-24_peace-loving-region.yaml"


def installed(site: Path) -> Path:
    """The packages and force-included folders of the wheel, placed as pip would place them."""
    wheel = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]
    ignore = shutil.ignore_patterns("__pycache__", "static")
    for package in wheel["wheel"]["packages"]:
        shutil.copytree(REPO_ROOT / package, site / package, ignore=ignore)
    for source, target in wheel["wheel"]["force-include"].items():
        shutil.copytree(REPO_ROOT / source, site / target, ignore=ignore)
    return site


def kg(site: Path, folder: Path, *arguments: str, uri: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "NEO4J_URI": uri}
    return subprocess.run(
        [sys.executable, "-m", "graph.cli", *arguments],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_the_installed_package_finds_its_reference_data_and_queries(tmp_path: Path) -> None:
    site = installed(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    where = kg(site, elsewhere, "--help")
    found = subprocess.run(
        [sys.executable, "-c", "import graph.load.pipeline as p, graph.queries as q;"
         "print(p.REFERENCE_DIR); print(q.QUERIES_DIR); print(p.DEFAULT_SEED_DIR)"],
        cwd=elsewhere, env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True, text=True,
        check=True,
    )  # fmt: skip

    assert where.returncode == 0, where.stderr
    assert found.stdout.split() == [
        str(site / "graph" / "_reference"),
        str(site / "graph" / "_queries"),
        str(site / "graph" / "_reference"),
    ]


async def test_kg_load_and_kg_up_from_another_folder(
    store: GraphStore, settings: Settings, tmp_path: Path
) -> None:
    site = installed(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(REPO_ROOT / "seed_data" / "sources", elsewhere / "sources")
    shutil.copy(SHARED, elsewhere / SHARED.name)
    uri = settings.neo4j_uri or ""

    up = kg(site, elsewhere, "up", "--no-serve", uri=uri)
    load = kg(site, elsewhere, "load", SHARED.name, uri=uri)

    assert up.returncode == 0, up.stderr
    assert load.returncode == 0, load.stderr
    regions = await rows(store, "MATCH (r:Region {id: 'region:RU-NVS'}) RETURN r.name AS name")
    assert regions == [{"name": "Novosibirsk Oblast"}]
    events = await rows(store, "MATCH (e:Event) RETURN count(e) AS n")
    assert events[0]["n"] > 0
