"""Prometheus metrics of one API process, served at /metrics (never queued by admission control).

Each app has its own registry (tests build many apps in one process). Label values are bounded: routes are
route templates, and GraphQL operation names, which clients choose, are kept for the first
MAX_OPERATION_LABELS well-formed names; any other is counted as `other`. With `kg serve --workers N`
every worker counts its own requests: scrape each, or run one worker per replica.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from api.admission import QueueStats
from api.request_info import RequestInfo
from graph import telemetry

MAX_OPERATION_LABELS = 100
_OPERATION_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

router = APIRouter(tags=["health"])


class Metrics:
    def __init__(self, queue: QueueStats, round_trips: Callable[[], int]) -> None:
        self.registry = CollectorRegistry()
        self._operations: set[str] = set()
        self.requests = Counter(
            "kg_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "kg_http_request_duration_seconds",
            "Time from request to the last byte of the response, by route template and method.",
            ["route", "method"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.operations = Counter(
            "kg_graphql_operations",
            "GraphQL operations by name (`anonymous`; `other` past the label cap) and HTTP status.",
            ["operation", "status"],
            registry=self.registry,
        )
        self.operation_latency = Histogram(
            "kg_graphql_operation_duration_seconds",
            "Time of a GraphQL request, queueing included, by operation name.",
            ["operation"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.queue_wait = Histogram(
            "kg_admission_wait_seconds",
            "Time GraphQL requests waited for a slot (admission control).",
            buckets=BUCKETS,
            registry=self.registry,
        )
        queued = Gauge(
            "kg_admission_queue_depth", "GraphQL requests waiting for a slot.", registry=self.registry
        )
        queued.set_function(lambda: queue.waiting)
        running = Gauge("kg_admission_in_flight", "GraphQL requests running.", registry=self.registry)
        running.set_function(lambda: queue.running)
        self.registry.register(_StoreCollector(round_trips))

    def observe(self, route: str, method: str, status: int, seconds: float, info: RequestInfo) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)
        if info.queue_seconds is not None:
            self.queue_wait.observe(info.queue_seconds)
        if info.graphql:
            operation = self.operation_label(info.operation)
            self.operations.labels(operation, str(status)).inc()
            self.operation_latency.labels(operation).observe(seconds)

    def operation_label(self, name: str | None) -> str:
        if not name:
            return "anonymous"
        if name in self._operations:
            return name
        full = len(self._operations) >= MAX_OPERATION_LABELS
        if full or name in ("anonymous", "other") or not _OPERATION_NAME.fullmatch(name):
            return "other"
        self._operations.add(name)
        return name


class _StoreCollector(Collector):
    """Read at scrape time from what the store counts (graph.telemetry): nothing to do per query here."""

    def __init__(self, round_trips: Callable[[], int]) -> None:
        self.round_trips = round_trips

    def collect(self) -> Iterator[Metric]:
        errors = CounterMetricFamily(
            "kg_neo4j_errors", "Errors from Neo4j by kind (whole process).", labels=["kind"]
        )
        for kind in telemetry.ERROR_KINDS:
            errors.add_metric([kind], telemetry.neo4j_errors[kind])
        yield errors
        trips = CounterMetricFamily("kg_neo4j_round_trips", "Queries this API process sent to Neo4j.")
        trips.add_metric([], self.round_trips())
        yield trips


@router.get("/metrics", response_class=Response, include_in_schema=False)
async def metrics(request: Request) -> Response:
    registry: CollectorRegistry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
