"""The fuzz suite: generated requests against the API served by uvicorn over a real Neo4j.

Every answer must be sound: no 5xx (Neo4j is up throughout), no GraphQL error coded INTERNAL_SERVER_ERROR,
no traceback in the body; after each test Neo4j and the API still answer. The runs are small and
derandomized (the same cases every run, so CI is deterministic); `FUZZ_SCALE=10` runs ten times as many
cases for a deeper local search.
"""

from __future__ import annotations

import collections
import json
import os
from collections.abc import Iterator
from typing import Any

import httpx
import neo4j
import pytest
from hypothesis import HealthCheck, Phase, settings

from api.app import create_app
from graph.settings import Settings
from tests.api.conftest import LiveServer, running
from tests.api.mutation_inputs import READER, WRITER

SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
SENT: collections.Counter[str] = collections.Counter()
"""Requests sent per test, for the summary at the end of the run."""


def fuzz_settings(max_examples: int) -> settings:
    """Hypothesis settings for a bounded, repeatable run of `max_examples` cases (times FUZZ_SCALE)."""
    return settings(
        max_examples=max(1, int(max_examples * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
        print_blob=True,
    )


@pytest.fixture(scope="module")
def fuzz_server(settings: Settings) -> Iterator[LiveServer]:
    """The API under uvicorn, accepting an analyst's write key and a reader's key."""
    keyed = settings.model_copy(update={"api_keys": f"{WRITER},{READER}"})
    with running(create_app(keyed)) as live:
        yield live


@pytest.fixture(scope="module")
def http(fuzz_server: LiveServer) -> Iterator[httpx.Client]:
    # A fresh connection per request: uvicorn closes one after a 500, which must not fail the next case.
    with httpx.Client(base_url=fuzz_server.url, timeout=60, headers={"connection": "close"}) as client:
        yield client
    assert fuzz_server.thread.is_alive(), "the API server died"


@pytest.fixture(scope="module")
def neo4j_driver(settings: Settings) -> Iterator[neo4j.Driver]:
    """A plain sync driver, to look at the graph the API writes to."""
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with neo4j.GraphDatabase.driver(settings.neo4j_uri or "", auth=auth) as driver:
        yield driver


@pytest.fixture
def still_up(
    http: httpx.Client, neo4j_driver: neo4j.Driver, request: pytest.FixtureRequest
) -> Iterator[None]:
    """After the test: Neo4j answers a query, and the API says it is ready."""
    yield
    neo4j_driver.verify_connectivity()
    ready = http.get("/readyz")
    assert ready.status_code == 200, f"after {request.node.name}: /readyz {ready.status_code} {ready.text}"


def sound(response: httpx.Response, sent: object, test: str) -> Any:
    """Check an answer is sound; return its JSON body (None when it is not JSON)."""
    SENT[test] += 1
    shown = repr(sent)
    if len(shown) > 600:
        shown = shown[:600] + f"... ({len(shown)} chars)"
    where = f"{response.request.method} {response.request.url.path} -> {response.status_code}\nsent: {shown}"
    assert response.status_code < 500, f"{where}\n{response.text[:1000]}"
    assert "Traceback" not in response.text, where
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    errors = body.get("errors") if isinstance(body, dict) else None
    for error in errors or []:
        code = (error.get("extensions") or {}).get("code")
        assert code != "INTERNAL_SERVER_ERROR", f"{where}\n{json.dumps(error)[:1000]}"
        assert code, f"every error has a code: {where}\n{json.dumps(error)[:1000]}"
    return body


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SENT:
        total = sum(SENT.values())
        lines = ", ".join(f"{name}: {count}" for name, count in sorted(SENT.items()))
        terminalreporter.write_line(f"fuzz: {total} requests ({lines})")
