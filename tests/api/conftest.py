"""The API with an analyst's write and read keys; a real uvicorn server on a free loopback port, and a
headless Chromium to look at what it serves.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright's Python API; Playwright never
downloads a browser of its own here. Tests that need it skip, saying why, when it is not installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from playwright.async_api import Browser, ConsoleMessage, Page, Request, async_playwright

from api.app import create_app
from graph.load import load_paths
from graph.settings import Settings
from graph.store import GraphStore
from tests.api.mutation_inputs import READER, SEED, WRITER
from tests.conftest import REPO, serve

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture
async def api_with_keys(store: GraphStore, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The API with a write key and a read-only key, over a graph holding a digest and a few actors."""
    await load_paths(store, [SEED], reference_dir=None)
    keyed = settings.model_copy(update={"api_keys": f"{WRITER},{READER}"})
    async for client in serve(create_app(keyed)):
        yield client


@dataclass
class LiveServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread


@contextmanager
def running(app: FastAPI) -> Iterator[LiveServer]:
    """`app` under uvicorn in a thread, on 127.0.0.1 and a port the OS picked, until the block ends."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", server, thread)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def live_server(settings: Settings) -> Iterator[LiveServer]:
    """The app under uvicorn in a thread, on 127.0.0.1 and a port the OS picked."""
    with running(create_app(settings)) as live:
        yield live


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; `make test` does it as root)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


@dataclass
class Watched:
    """A page and what it reported: console errors, uncaught exceptions, and every URL it requested."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self, base_url: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((base_url, "data:"))]

    async def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        await self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Watched]:
    context = await browser.new_context(viewport={"width": 1440, "height": 1000})
    watched = Watched(await context.new_page())

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(f"console: {message.text} at {message.location}")

    def requested(request: Request) -> None:
        watched.requests.append(request.url)

    watched.page.on("console", console)
    watched.page.on("pageerror", lambda exc: watched.errors.append(f"uncaught: {exc}"))
    watched.page.on("request", requested)
    yield watched
    await context.close()
