"""`kg apikey`: make a key for a client of the API."""

from __future__ import annotations

from typing import Annotated

import typer

from graph.api_keys import ROLES, Role, new_key


def apikey(
    name: Annotated[str, typer.Argument(help="Who the key is for (recorded with every write it makes).")],
    role: Annotated[str, typer.Option(help="read, or write for mutations.")] = "read",
) -> None:
    """Make an API key: the key is shown once; settings keep only its hash."""
    if role not in ROLES:
        raise typer.BadParameter(f"role must be one of {', '.join(ROLES)}", param_hint="--role")
    chosen: Role = "write" if role == "write" else "read"
    key, entry = new_key(name, chosen)
    typer.echo(f"key (give it to the client; it is not stored): {key}")
    typer.echo(f"add to KG_API_KEYS (comma-separated): {entry}")
