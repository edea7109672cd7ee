"""GraphiQL served from this process, so the playground works with no internet (Strawberry's own page loads
React and GraphiQL from a CDN). It opens with the example queries of api/examples/ as tabs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache
from html import escape
from pathlib import Path

import orjson
from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter

from api.schema.context import Context

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
ASSETS_DIR = Path(__file__).resolve().parent / "static" / "graphiql"
ASSETS_URL = "/static/graphiql"
SCRIPTS = ("react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "start.js")


@dataclass(frozen=True)
class Example:
    name: str
    query: str


@cache
def examples() -> tuple[Example, ...]:
    """api/examples/*.graphql in file-name order (the flagship first), one query each."""
    return tuple(
        Example(path.stem.split("_", 1)[-1], path.read_text(encoding="utf-8").strip())
        for path in sorted(EXAMPLES_DIR.glob("*.graphql"))
    )


def graphiql_page() -> str:
    if not (ASSETS_DIR / "graphiql.min.js").is_file():
        return _NOT_BUILT
    # `</` may not appear inside a <script> element; JSON allows it escaped.
    data = json.dumps([asdict(example) for example in examples()]).replace("</", "<\\/")
    scripts = "\n".join(f'<script src="{ASSETS_URL}/{escape(name)}"></script>' for name in SCRIPTS)
    return _PAGE.format(assets=ASSETS_URL, examples=data, scripts=scripts)


class GraphiQLRouter(GraphQLRouter[Context, None]):
    """Strawberry's GraphQL router with our offline GraphiQL page for browsers (Accept: text/html), and its
    answers encoded by orjson."""

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql_page())

    def encode_json(self, data: object) -> bytes:
        """The same JSON as Strawberry's `json.dumps` (UTF-8 where it wrote \\u escapes, which decode
        alike), in a tenth of the time: the page of 100 events is 39 KB, and its encoding was among the
        largest single costs of the request. A value orjson refuses (an integer past 64 bits) goes
        through json.dumps as before."""
        try:
            return orjson.dumps(data)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            return json.dumps(data, separators=(",", ":")).encode()


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>kg · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{assets}/graphiql.min.css">
<style>html, body, #graphiql {{ height: 100%; margin: 0; }}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="kg-examples" type="application/json">{examples}</script>
{scripts}
</body>
</html>
"""

_NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg · GraphiQL</title><link rel="icon" href="data:,"></head>
<body><p>GraphiQL's files are not built. Run <code>make frontend</code> (needs npm), then reload.
POST queries to this URL meanwhile.</p></body></html>
"""
