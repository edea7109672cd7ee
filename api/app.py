"""The FastAPI app factory: one driver per process, opened and closed by the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api import health
from api.admission import Admission, QueueStats
from api.change_feed import ChangeFeed
from api.errors import client_message
from api.exports import router as exports_router
from api.frontend import mount_frontend
from api.graphiql import GraphiQLRouter
from api.input_limits import InputLimits
from api.metrics import Metrics
from api.metrics import router as metrics_router
from api.observability import Observability
from api.request_guard import RequestGuard
from api.schema.context import get_context
from api.schema.root import build_schema
from graph.connection import open_store
from graph.errors import KgError
from graph.read.warm import warm_plans
from graph.settings import Settings, get_settings
from graph.store import GraphStore


def served_app() -> FastAPI:
    """The app `kg serve` and `kg up` run (uvicorn's factory): `create_app` with its start-up heap frozen."""
    return create_app(freeze_heap=True)


def create_app(settings: Settings | None = None, *, freeze_heap: bool = False) -> FastAPI:
    """`freeze_heap`: once started, move every object alive then (modules, the schema, the driver) out of
    the garbage collector's sight (`gc.freeze`). They live as long as the process, yet each full collection
    walked all of them (about 120,000): in process, 30-43% of the CPU of 100 pages of 100 events
    went to the collector, 4-7% with them frozen. Only for a process that serves one app: a test process
    building many would keep the cycles of the earlier ones."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = open_store(settings)
        app.state.change_feed = ChangeFeed(app.state.store)
        if freeze_heap:
            gc.collect()
            gc.freeze()
        # In the background, between requests: readiness does not wait for it, and it ends quietly if Neo4j
        # is away.
        app.state.warm_up = None
        if settings.warm_plans:
            warming = warm_plans(app.state.store, idle=lambda: _no_requests(queue))
            app.state.warm_up = asyncio.create_task(warming)
        try:
            yield
        finally:
            if app.state.warm_up is not None:
                app.state.warm_up.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await app.state.warm_up
            await app.state.store.close()

    app = FastAPI(
        title="kg: political knowledge graph",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served offline by api.frontend
        redoc_url=None,
    )
    app.include_router(health.router)
    app.include_router(
        GraphiQLRouter(
            build_schema(settings),
            context_getter=get_context,
            graphql_ide="graphiql" if settings.graphiql else None,
        ),
        prefix="/graphql",
    )
    app.include_router(exports_router)
    mount_frontend(app)
    app.state.request_slots = asyncio.Semaphore(settings.max_concurrent_requests)
    queue = QueueStats()
    app.add_middleware(
        Admission,
        path="/graphql",
        slots=app.state.request_slots,
        limit=settings.max_concurrent_requests,
        timeout=settings.queue_timeout,
        stats=queue,
    )
    # Added last, so it runs first: a request over the limits is refused before it takes a slot.
    app.add_middleware(
        RequestGuard,
        path="/graphql",
        max_bytes=settings.max_request_bytes,
        limits=InputLimits.of(settings),
    )
    app.state.metrics = None
    if settings.metrics:
        app.state.metrics = Metrics(queue, round_trips=lambda: _round_trips(app))
        app.include_router(metrics_router)
    if settings.metrics or settings.request_log:  # added last: outermost, so it sees admission too
        app.add_middleware(Observability, metrics=app.state.metrics, log_requests=settings.request_log)

    @app.exception_handler(KgError)
    async def kg_error(_: Request, exc: KgError) -> JSONResponse:
        body: dict[str, str] = {"code": exc.code, "detail": client_message(exc)}
        if exc.location and exc.location.field:
            body["argument"] = exc.location.field
        return JSONResponse(body, status_code=exc.http_status)

    return app


IDLE_POLL_SECONDS = 0.05


async def _no_requests(queue: QueueStats) -> None:
    """Return once no GraphQL request runs or waits (admission control counts them)."""
    while queue.running or queue.waiting:
        await asyncio.sleep(IDLE_POLL_SECONDS)


def _round_trips(app: FastAPI) -> int:
    store: GraphStore | None = getattr(app.state, "store", None)  # opened by the lifespan
    return store.round_trips if store else 0
