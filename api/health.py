"""Liveness and readiness, as plain REST for load balancers and orchestrators."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from graph.errors import Unavailable

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up (says nothing about Neo4j)."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Neo4j does not answer"}})
async def readyz(request: Request, store: StoreDep) -> JSONResponse:
    """Ready to serve: Neo4j answers a query. With the plan warm-up on (KG_WARM_PLANS), `plans` says whether
    it still runs ("warming") or has ended ("warm"); readiness never waits for it."""
    try:
        version = await store.ping()
    except Unavailable as exc:
        return JSONResponse({"status": "unavailable", "reason": exc.message}, status_code=503)
    body = {"status": "ready", "neo4j": version}
    warm_up: asyncio.Task[object] | None = getattr(request.app.state, "warm_up", None)
    if warm_up is not None:
        body["plans"] = "warm" if warm_up.done() else "warming"
    return JSONResponse(body)
