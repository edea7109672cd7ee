"""Run one CLI command's async work against the configured Neo4j, with the project's errors as one red line
on stderr and exit status 1, never a traceback."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from graph.connection import open_store
from graph.errors import KgError, QueryTimeout
from graph.settings import get_settings
from graph.store import GraphStore

T = TypeVar("T")
errors = Console(stderr=True, soft_wrap=True, highlight=False)


def run_with_store(work: Callable[[GraphStore], Awaitable[T]], label: str | None = None) -> T:
    """`work(store)` on a store opened for it and closed after; a KgError is printed after `label` (the
    command's name) or the error's class name, and the command exits 1."""

    async def main() -> T:
        store = open_store(get_settings())
        try:
            return await work(store)
        finally:
            await store.close()

    try:
        return asyncio.run(main())
    except KgError as exc:
        # The store's QueryTimeout says what happened; the command's user is told what to do.
        advice = "; try again later, when the server is less busy" if isinstance(exc, QueryTimeout) else ""
        errors.print(f"[red]{label or type(exc).__name__}:[/red] {escape(str(exc))}{advice}")
        raise typer.Exit(1) from None
