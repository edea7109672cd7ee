"""`kg backup PATH` and `kg restore PATH` (registered in graph/cli.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from graph import backup as backups
from graph.connection import open_store, resolve_uri
from graph.errors import KgError
from graph.schema import migrate
from graph.settings import get_settings
from graph.store import GraphStore

T = TypeVar("T")
errors = Console(stderr=True, soft_wrap=True, highlight=False)


def backup(
    path: Annotated[Path, typer.Argument(help="File to write (JSON lines; gzip when it ends in .gz).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite PATH if it exists.")] = False,
) -> None:
    """Write the whole graph (every node and relationship, with all properties) to a file, online."""
    settings = get_settings()
    source = _safe_uri(resolve_uri(settings))
    summary = _run(lambda store: backups.backup(store, path, force=force, source=source))
    typer.echo(f"Backed up {summary.nodes} nodes and {summary.relationships} relationships to {path}.")


def restore(
    path: Annotated[Path, typer.Argument(help="A file written by `kg backup`.")],
) -> None:
    """Replace the whole graph with a backup's (checked first; one transaction: all of it or nothing)."""

    async def work(store: GraphStore) -> backups.BackupSummary:
        backups.check(path)  # before touching the database, schema included
        await migrate(store)
        return await backups.restore(store, path)

    summary = _run(work)
    typer.echo(f"Restored {summary.nodes} nodes and {summary.relationships} relationships from {path}.")


def _run(work: Callable[[GraphStore], Awaitable[T]]) -> T:
    async def main() -> T:
        store = open_store(get_settings())
        try:
            return await work(store)
        finally:
            await store.close()

    try:
        return asyncio.run(main())
    except KgError as exc:
        errors.print(f"[red]{type(exc).__name__}:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None


def _safe_uri(uri: str) -> str:
    """The server's URI for the backup's header, without any credentials it may carry."""
    scheme, _, rest = uri.partition("://")
    return f"{scheme}://{rest.rsplit('@', 1)[-1]}"
