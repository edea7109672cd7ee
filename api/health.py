"""Liveness and readiness, as plain REST for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from graph.errors import Unavailable

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up (says nothing about Neo4j)."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Neo4j does not answer"}})
async def readyz(store: StoreDep) -> JSONResponse:
    """Ready to serve: Neo4j answers a query."""
    try:
        version = await store.ping()
    except Unavailable as exc:
        return JSONResponse({"status": "unavailable", "reason": exc.message}, status_code=503)
    return JSONResponse({"status": "ready", "neo4j": version})
