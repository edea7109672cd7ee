"""What the API benchmarks share: a Neo4j (private, or the one at NEO4J_URI with its credentials), the seed
plus synthetic events loaded once, and `kg serve` in a child process talking to that server.

A server that already holds the synthetic events asked for is not loaded again (a 1M-event load takes an
hour); one holding another number of them is refused, since the figures would be for other data.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import httpx

from benchmarks.synthetic import generate
from graph.load import load_paths, load_seed_directory
from graph.neo4j_server import server
from graph.schema import migrate
from graph.settings import LOCAL_DEV_PASSWORD, REPO_ROOT, Settings
from graph.store import GraphStore


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def neo4j_server(heap: str = "1g", pagecache: str = "512m") -> Iterator[Settings]:
    """The settings of the server to measure: NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE
    from the environment, as `kg` reads them) when set, else a private server started here, stopped after."""
    if os.environ.get("NEO4J_URI"):
        yield Settings()
        return
    scratch = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    options = server.ServerOptions(scratch, 0, "neo4j", LOCAL_DEV_PASSWORD, heap=heap, pagecache=pagecache)
    uri = server.start(options).uri
    try:
        yield Settings(neo4j_uri=uri, neo4j_user="neo4j", neo4j_password=LOCAL_DEV_PASSWORD)
    finally:
        server.stop(scratch)


async def synthetic_events(store: GraphStore) -> int:
    rows = await store.read("benchmark_synthetic_events")
    return int(rows[0]["events"])


async def ensure_loaded(store: GraphStore, data: Path | None, events: int, no_load: bool = False) -> str:
    """Load seed_data/ and `events` synthetic events (generated into `data` when it has none) unless the graph
    holds them already or `no_load`; says what it did."""
    if no_load:
        return "not loaded (--no-load)"
    held = await synthetic_events(store)
    if held == events:
        return f"reused: the server holds {held} synthetic events"
    if held:
        raise SystemExit(
            f"the server holds {held} synthetic events, not {events}: give --events {held}, --no-load, or "
            "a fresh server"
        )
    folder = data or Path(tempfile.mkdtemp(prefix="kg-synthetic-"))
    if not (folder / "reference").is_dir():
        generate(folder, events)
    await migrate(store)
    await load_seed_directory(store, REPO_ROOT / "seed_data")
    await load_paths(store, [folder], reference_dir=folder / "reference")
    await load_seed_directory(store, REPO_ROOT / "seed_data")  # the seed's own names win over synthetic ones
    return f"loaded seed_data/ and {events} synthetic events from {folder}"


def server_env(settings: Settings) -> dict[str, str]:
    """The environment that points `kg` (or any client) at the server measured, with its credentials."""
    return {
        "NEO4J_URI": settings.neo4j_uri or "",
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": settings.neo4j_database,
    }


@asynccontextmanager
async def serving(settings: Settings, checkout: Path | None = None, **env: str) -> AsyncIterator[str]:
    """`kg serve` (one uvicorn worker) in a child process, with extra settings from `env`; its base URL.
    `checkout`: serve the code of another checkout (its folder comes first on the child's path)."""
    port = free_port()
    api = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", "--port", str(port)],
        cwd=checkout,
        env={**os.environ, **server_env(settings), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        await wait_ready(base_url, "/readyz", api)
        await wait_plans_warm(base_url)
        yield base_url
    finally:
        api.terminate()
        api.wait()


async def wait_plans_warm(base_url: str, seconds: float = 120) -> None:
    """Until the API's plan warm-up has ended (/readyz says `plans: warm`; a checkout without one says
    nothing): its EXPLAINs run between our requests, and would load Neo4j while the peer's are timed."""
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(int(seconds * 5)):
            if (await client.get("/readyz")).json().get("plans", "warm") == "warm":
                return
            await asyncio.sleep(0.2)
    raise SystemExit(f"the server at {base_url} was still warming its plans after {seconds:g} s")


async def wait_ready(base_url: str, path: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(int(seconds * 5)):
            if process.poll() is not None:
                raise SystemExit(f"the server at {base_url} exited with code {process.returncode}")
            try:
                if (await client.get(path)).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit(f"the server at {base_url} did not answer {path} within {seconds:g} s")
