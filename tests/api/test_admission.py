"""A burst of analysts: requests beyond KG_MAX_CONCURRENT_REQUESTS wait their turn instead of all
running at once; one that waits too long gets a 503 it can retry, never a hang."""

from __future__ import annotations

import asyncio

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.conftest import gql, serve

FLAGSHIP = """{ regionEngagements(actor: "Minsk", country: "RU") {
  region { isoCode } contractValue { amount currency } } }"""


async def test_a_burst_beyond_the_limit_queues_and_every_request_is_answered(
    main_seed_store: GraphStore, settings: Settings
) -> None:
    app = create_app(settings.model_copy(update={"max_concurrent_requests": 2}))
    async for client in serve(app):
        bodies = await asyncio.gather(*(gql(client, FLAGSHIP) for _ in range(12)))
        response = await client.post("/graphql", json={"query": "{ serverInfo { version } }"})
    for body in bodies:
        assert body["status"] == 200 and "errors" not in body
        regions = [row["region"]["isoCode"] for row in body["data"]["regionEngagements"]]
        assert regions == ["RU-NVS", "RU-IRK", "RU-SVE"]
    assert response.headers["server-timing"].startswith("queue;dur=")


async def test_a_request_that_waits_past_the_queue_timeout_gets_503_with_retry_after(
    store: GraphStore, settings: Settings
) -> None:
    app = create_app(settings.model_copy(update={"max_concurrent_requests": 1, "queue_timeout": 0.2}))
    async for client in serve(app):
        slots: asyncio.Semaphore = app.state.request_slots
        await slots.acquire()  # a long request holds the only slot
        try:
            busy = await client.post("/graphql", json={"query": "{ serverInfo { version } }"})
            page = await client.get("/graphql", headers={"accept": "text/html"})
            ready = await client.get("/readyz")
        finally:
            slots.release()
        after = await gql(client, "{ serverInfo { version } }")
    assert busy.status_code == 503
    assert busy.headers["retry-after"] == "1"
    error = busy.json()["errors"][0]
    assert error["extensions"]["code"] == "UNAVAILABLE"
    assert "busy" in error["message"]
    assert page.status_code == 200 and ready.status_code == 200  # the playground and probes never queue
    assert after["status"] == 200 and after["data"]["serverInfo"]["version"]
