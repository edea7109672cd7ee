"""A front-end developer opens the OpenAPI page offline: Swagger UI comes from this server, not a CDN."""

from __future__ import annotations

import re

import httpx


async def test_the_openapi_page_loads_only_local_assets(api: httpx.AsyncClient) -> None:
    page = await api.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/static/swagger/swagger-ui-bundle.js" in sources
    assert not [url for url in sources if url.startswith("http")], sources
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css"):
        assert (await api.get(asset)).status_code == 200
    spec = (await api.get("/openapi.json")).json()
    assert "/export/events.csv" in spec["paths"]
