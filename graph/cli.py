"""The `kg` command: run the local Neo4j, install the schema, load data, serve the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.api_keys_command import apikey
from graph.backup_command import backup, restore
from graph.command_store import run_with_store
from graph.ingest import command as ingest_command
from graph.load import command as load_command
from graph.load.pipeline import DEFAULT_SEED_DIR
from graph.logs import configure_logging, log_config
from graph.neo4j_server.command import ensure_local_server, neo4j_app, supervised_local_server
from graph.reports.review_command import review
from graph.schema import migrate as apply_schema
from graph.settings import get_settings

app = typer.Typer(help="Knowledge graph of political actors, events and agreements.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.command("load")(load_command.load)
app.command("validate")(load_command.validate)
app.command("unload")(load_command.unload)
app.command("ingest")(ingest_command.ingest)
app.command("apikey")(apikey)
app.command("backup")(backup)
app.command("restore")(restore)
app.command("review")(review)
console = Console()


@app.command()
def migrate() -> None:
    """Create the missing constraints and indexes; bring older data up to date (safe to run again)."""
    created = run_with_store(apply_schema, "kg migrate")
    if created:
        console.print("Created: " + ", ".join(created))
    else:
        console.print("Schema up to date: nothing to create.")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on [KG_HOST].")] = None,
    port: Annotated[int | None, typer.Option(help="HTTP port [KG_PORT].")] = None,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes.")] = 1,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql) under uvicorn."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "api.app:served_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_config=log_config(),
        access_log=not settings.request_log,  # our JSON line per request says more
    )


@app.command()
def up(
    seed: Annotated[Path, typer.Option(help="Folder of seed files to load.")] = DEFAULT_SEED_DIR,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Stop after loading.")] = False,
) -> None:
    """Everything for a working product: start Neo4j, migrate, load the seed, serve.

    While it serves, the local Neo4j is supervised: restarted, with a log line, if it dies."""
    settings = get_settings()
    if no_serve:
        ensure_local_server(settings)
        migrate()
        load_command.load_seed_folder(seed)
        return
    configure_logging()
    supervisor = supervised_local_server(settings)  # None when NEO4J_URI names the server
    migrate()
    load_command.load_seed_folder(seed)
    if supervisor:
        supervisor.start()
    try:
        serve(host=None, port=None, workers=1)
    finally:
        if supervisor:
            supervisor.stop()


if __name__ == "__main__":
    app()
