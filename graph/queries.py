"""Named Cypher queries, one `.cypher` file each, read once from the `queries/` folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path

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
