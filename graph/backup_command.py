"""`kg backup PATH` and `kg restore PATH` (registered in graph/cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph import backup as backups
from graph.command_store import run_with_store
from graph.connection import resolve_uri
from graph.schema import migrate
from graph.settings import get_settings
from graph.store import GraphStore


def backup(
    path: Annotated[Path, typer.Argument(help="File to write (JSON lines; gzip when it ends in .gz).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite PATH if it exists.")] = False,
) -> None:
    """Write the whole graph (every node and relationship, with all properties) to a file, online."""
    settings = get_settings()
    source = _safe_uri(resolve_uri(settings))
    summary = run_with_store(lambda store: backups.backup(store, path, force=force, source=source))
    typer.echo(f"Backed up {summary.nodes} nodes and {summary.relationships} relationships to {path}.")


def restore(
    path: Annotated[Path, typer.Argument(help="A file written by `kg backup`.")],
) -> None:
    """Replace the whole graph with a backup's (checked first; one transaction: all of it or nothing)."""

    async def work(store: GraphStore) -> backups.BackupSummary:
        backups.check(path)  # before touching the database, schema included
        await migrate(store)
        return await backups.restore(store, path)

    summary = run_with_store(work)
    typer.echo(f"Restored {summary.nodes} nodes and {summary.relationships} relationships from {path}.")


def _safe_uri(uri: str) -> str:
    """The server's URI for the backup's header, without any credentials it may carry."""
    scheme, _, rest = uri.partition("://")
    return f"{scheme}://{rest.rsplit('@', 1)[-1]}"
