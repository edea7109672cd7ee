"""Named Cypher queries, one `.cypher` file each, read once from the `queries/` folder."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from graph.errors import KgError

_HERE = Path(__file__).resolve().parent
# In a checkout the folder sits beside the package; a built wheel carries it inside (pyproject force-include).
QUERIES_DIR = next(
    (p for p in (_HERE.parent / "queries", _HERE / "_queries") if p.is_dir()), _HERE.parent / "queries"
)


@cache
def cypher(name: str) -> str:
    """The text of `queries/<name>.cypher`."""
    path = QUERIES_DIR / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KgError(f"no query named {name!r} (looked for {path})") from None


ONE_MAP = "p"
"""The one parameter `planned_once` queries take: a map of the named query's own parameters."""
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@cache
def planned_once(name: str) -> str:
    """`cypher(name)` reading every `$param` from the one map parameter `$p` (`as_one_map` builds it).

    Neo4j caches a plan per query text *and the types of its parameters*, a list's size included, so a
    read whose filters are null, a date, or a list of one, two or ten ids is planned anew for each such
    combination: 1.7-3.5 s each for the events' statistics on a quiet machine (`benchmarks/plan_cache.py`).
    A map parameter has one type whatever it holds, so the query is planned once. The planner loses no
    estimate it used: the reads start from seeks their text hints (USING INDEX) or from the parameters'
    own nodes. The file keeps plain `$param`s, so it still runs as written in the Neo4j Browser."""
    return _PARAMETER.sub(lambda found: f"${ONE_MAP}.`{found.group(1)}`", cypher(name))


def as_one_map(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters of a `planned_once` query."""
    return {ONE_MAP: params}


KEEP_PLAN = "CYPHER replan=skip\n"


@cache
def planned_to_keep(name: str) -> str:
    """`planned_once(name)`, its plan kept while the graph's statistics change (`replan=skip`): for the
    loader's transactions, whose queries start from id seeks or hinted index seeks, so the plan made on the
    first file's small graph is as good on the last one's. Without it, a bulk load that doubles the graph
    file after file plans each read and batch again every few files (1-12 s each on a busy machine)."""
    return KEEP_PLAN + planned_once(name)
