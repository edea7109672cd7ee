"""The explorer page (/explore), GraphiQL's and Swagger UI's files (/static/...), built from frontend/ into
api/static/ by `make frontend` (npm). Nothing is fetched from a CDN at run time."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
MOUNTS = {"/explore": "explorer", "/static/graphiql": "graphiql", "/static/swagger": "swagger"}
SWAGGER_URL = "/static/swagger"


def mount_frontend(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    async def openapi_page() -> HTMLResponse:
        """Swagger UI from our own files (FastAPI's default page loads it from a CDN)."""
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} · API",
            swagger_js_url=f"{SWAGGER_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_URL}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    for url, folder in MOUNTS.items():
        directory = STATIC_DIR / folder
        if directory.is_dir():
            app.mount(url, StaticFiles(directory=directory, html=True), name=folder)
        else:
            app.add_api_route(f"{url}{{rest:path}}", _not_built, include_in_schema=False)


async def _not_built() -> PlainTextResponse:
    return PlainTextResponse(
        "The front-end is not built: run `make frontend` (needs npm) and restart the server.", status_code=503
    )
