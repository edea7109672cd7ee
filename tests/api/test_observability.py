"""An operator scrapes /metrics and reads one JSON log line per request: which route or GraphQL operation,
how long it took, how long it queued, how many database round trips, under which request id."""

from __future__ import annotations

import asyncio
import json
import logging

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from api.app import create_app
from api.metrics import MAX_OPERATION_LABELS
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.test_flagship import FLAGSHIP
from tests.conftest import gql, serve

NAMED_FLAGSHIP = FLAGSHIP.replace("query {", "query Flagship {", 1)
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(client: httpx.AsyncClient) -> Samples:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def labels_of(samples: Samples, name: str, label: str) -> set[str]:
    return {dict(key)[label] for sample, key in samples if sample == name and label in dict(key)}


async def test_metrics_count_requests_by_route_and_operation(
    main_seed_store: GraphStore, settings: Settings
) -> None:
    async for client in serve(create_app(settings)):
        for _ in range(2):
            assert "errors" not in await gql(client, NAMED_FLAGSHIP)
        assert "errors" not in await gql(client, FLAGSHIP)
        assert (await client.get("/export/events.csv", params={"actor": "Minsk"})).status_code == 200
        assert (await client.get("/no/such/page")).status_code == 404
        samples = await scrape(client)

    assert value(samples, "kg_graphql_operations_total", operation="Flagship", status="200") == 2
    assert value(samples, "kg_graphql_operations_total", operation="anonymous", status="200") == 1
    assert value(samples, "kg_graphql_operation_duration_seconds_count", operation="Flagship") == 2
    assert value(samples, "kg_http_requests_total", route="/graphql", method="POST", status="200") == 3
    export = {"route": "/export/events.csv", "method": "GET", "status": "200"}
    assert value(samples, "kg_http_requests_total", **export) == 1
    assert value(samples, "kg_http_requests_total", route="unmatched", method="GET", status="404") == 1
    assert value(samples, "kg_http_request_duration_seconds_count", route="/graphql", method="POST") == 3
    assert value(samples, "kg_admission_wait_seconds_count") == 3
    assert value(samples, "kg_admission_queue_depth") == 0
    assert value(samples, "kg_neo4j_round_trips_total") >= 4
    assert labels_of(samples, "kg_neo4j_errors_total", "kind") == {"unavailable", "timeout", "other"}


async def test_operation_names_chosen_by_clients_cannot_grow_the_labels_without_bound(
    store: GraphStore, settings: Settings
) -> None:
    async for client in serve(create_app(settings)):
        for i in range(MAX_OPERATION_LABELS + 20):
            assert "errors" not in await gql(client, f"query Op{i} {{ __typename }}")
        odd = await client.post("/graphql", json={"query": "{ __typename }", "operationName": 'x"} 1e9 \n'})
        assert odd.status_code in (200, 400)
        samples = await scrape(client)

    operations = labels_of(samples, "kg_graphql_operations_total", "operation")
    assert len(operations) == MAX_OPERATION_LABELS + 1
    assert "other" in operations
    assert value(samples, "kg_graphql_operations_total", operation="other", status="200") == 20


async def test_metrics_answer_while_graphql_requests_queue(store: GraphStore, settings: Settings) -> None:
    one_slot = settings.model_copy(update={"max_concurrent_requests": 1})
    app = create_app(one_slot)
    async for client in serve(app):
        await app.state.request_slots.acquire()  # a long request holds the only slot
        waiting = asyncio.create_task(gql(client, "query Waiting { __typename }"))
        try:
            for _ in range(200):
                if value(await scrape(client), "kg_admission_queue_depth") == 1:
                    break
                await asyncio.sleep(0.01)
            samples = await scrape(client)
            assert value(samples, "kg_admission_queue_depth") == 1
            assert value(samples, "kg_admission_in_flight") == 0
        finally:
            app.state.request_slots.release()
        assert "errors" not in await waiting
        samples = await scrape(client)
    assert value(samples, "kg_admission_queue_depth") == 0
    assert value(samples, "kg_graphql_operations_total", operation="Waiting", status="200") == 1


async def test_neo4j_errors_are_counted_by_kind(settings: Settings) -> None:
    nowhere = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9", "neo4j_connect_timeout": 1.0})
    async for client in serve(create_app(nowhere)):
        before = value(await scrape(client), "kg_neo4j_errors_total", kind="unavailable")
        body = await gql(client, "query Down { actors { totalCount } }")
        assert body["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
        samples = await scrape(client)
    assert value(samples, "kg_neo4j_errors_total", kind="unavailable") == before + 1
    assert value(samples, "kg_graphql_operations_total", operation="Down", status="200") == 1


async def test_one_json_log_line_per_request_with_its_id_and_timings(
    main_seed_store: GraphStore, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    async for client in serve(create_app(settings)):
        with caplog.at_level(logging.INFO, logger="kg.request"):
            given = await client.post(
                "/graphql", json={"query": NAMED_FLAGSHIP}, headers={"X-Request-ID": "trace-42.a"}
            )
            generated = await client.get("/export/events.csv", params={"actor": "Minsk"})
            refused = await client.get("/healthz", headers={"X-Request-ID": "no spaces {allowed}"})
    assert given.headers["x-request-id"] == "trace-42.a"
    assert len(generated.headers["x-request-id"]) == 32
    assert refused.headers["x-request-id"] != "no spaces {allowed}"

    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "kg.request"]
    assert len(lines) == 2, "the health probe is logged at DEBUG only"
    flagship, export = lines
    assert flagship["request_id"] == "trace-42.a"
    assert flagship["method"] == "POST"
    assert flagship["path"] == flagship["route"] == "/graphql"
    assert flagship["operation"] == "Flagship"
    assert flagship["status"] == 200
    assert flagship["duration_ms"] > 0
    assert 0 <= flagship["queue_ms"] <= flagship["duration_ms"]
    assert flagship["db_round_trips"] >= 1
    assert export["request_id"] == generated.headers["x-request-id"]
    assert export["route"] == "/export/events.csv"
    assert export["operation"] is None
    assert export["queue_ms"] is None
    assert export["db_round_trips"] >= 1


async def test_metrics_and_the_request_log_can_be_turned_off(store: GraphStore, settings: Settings) -> None:
    quiet = settings.model_copy(update={"metrics": False, "request_log": False})
    async for client in serve(create_app(quiet)):
        assert (await client.get("/metrics")).status_code == 404
        assert "x-request-id" not in (await client.get("/healthz")).headers
