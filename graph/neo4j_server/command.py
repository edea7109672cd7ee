"""`kg neo4j start|stop|status`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import ServerSetupError
from graph.neo4j_server import server
from graph.neo4j_server.supervisor import RestartPolicy, Supervisor
from graph.neo4j_server.toolchain import neo4j_version
from graph.settings import Settings, get_settings

neo4j_app = typer.Typer(help="Run a local Neo4j Community server (no Docker needed).", no_args_is_help=True)
console = Console(stderr=True, soft_wrap=True)

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Where the server keeps its data [KG_DATA_DIR].")
]
Port = Annotated[int | None, typer.Option("--port", help="Bolt port; a free one if taken [KG_NEO4J_PORT].")]


def server_options(
    settings: Settings, data_dir: Path | None = None, port: int | None = None
) -> server.ServerOptions:
    return server.ServerOptions(
        data_dir=(data_dir or settings.data_dir).resolve(),
        port=settings.neo4j_port if port is None else port,
        user=settings.neo4j_user,
        password=settings.neo4j_password.get_secret_value(),
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        timeout=settings.neo4j_start_timeout,
    )


def ensure_local_server(settings: Settings, data_dir: Path | None = None, port: int | None = None) -> str:
    """Start the local server unless NEO4J_URI names another one; return the URI to use."""
    if settings.neo4j_uri:
        console.print(f"NEO4J_URI is set: using {settings.neo4j_uri}, starting nothing.")
        return settings.neo4j_uri
    return launch_local_server(settings, data_dir, port).state.uri


def launch_local_server(
    settings: Settings, data_dir: Path | None = None, port: int | None = None
) -> server.Launched:
    try:
        launched = server.launch(server_options(settings, data_dir, port))
    except ServerSetupError as exc:
        console.print(f"[red]Neo4j did not start:[/red] {exc}")
        raise typer.Exit(1) from None
    state = launched.state
    console.print(
        f"Neo4j {state.version} is running at {state.uri} (data: {state.data_dir}, pid {state.pid})."
    )
    return launched


def supervised_local_server(settings: Settings) -> Supervisor | None:
    """Start the local server and a supervisor that restarts it (not started yet); None with NEO4J_URI."""
    if settings.neo4j_uri:
        ensure_local_server(settings)
        return None
    launched = launch_local_server(settings)
    policy = RestartPolicy(max_restarts=settings.neo4j_restarts, window=settings.neo4j_restart_window)
    return Supervisor(server_options(settings), launched, policy)


@neo4j_app.command()
def start(data_dir: DataDir = None, port: Port = None) -> None:
    """Start Neo4j and return once Bolt answers."""
    ensure_local_server(get_settings(), data_dir, port)


@neo4j_app.command()
def stop(data_dir: DataDir = None) -> None:
    """Shut Neo4j down cleanly; its data stays."""
    settings = get_settings()
    folder = (data_dir or settings.data_dir).resolve()
    stopped = server.stop(folder)
    console.print(f"Neo4j stopped ({folder})." if stopped else f"No Neo4j was running for {folder}.")


@neo4j_app.command()
def status(data_dir: DataDir = None) -> None:
    """Say whether Neo4j runs, where, and which version."""
    settings = get_settings()
    if settings.neo4j_uri:
        typer.echo(f"external\nuri: {settings.neo4j_uri}")
        return
    folder = (data_dir or settings.data_dir).resolve()
    state = server.running_state(folder)
    typer.echo("running" if state else "stopped")
    typer.echo(f"uri: {state.uri if state else '-'}")
    typer.echo(f"data_dir: {folder}")
    typer.echo(f"version: {state.version if state else neo4j_version()}")
    if state:
        typer.echo(f"pid: {state.pid}")
    if not state:
        raise typer.Exit(3)
