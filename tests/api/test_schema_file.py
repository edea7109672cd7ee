"""Front-end developers generate clients from api/schema.graphql: it must be the schema the API serves.

Regenerate after changing the schema:
    .venv/bin/python -c "from api.schema.root import build_schema; from graph.settings import Settings; \\
        open('api/schema.graphql', 'w').write(build_schema(Settings()).as_str() + '\\n')"
"""

from __future__ import annotations

from pathlib import Path

from api.schema.root import build_schema
from graph.settings import Settings

SDL = Path(__file__).resolve().parents[2] / "api" / "schema.graphql"


def test_the_published_sdl_is_the_served_schema() -> None:
    assert SDL.read_text(encoding="utf-8") == build_schema(Settings()).as_str() + "\n"
