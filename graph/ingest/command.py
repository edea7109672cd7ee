"""`kg ingest FILE.txt [--out PATH]`: a weekly digest's text -> a draft seed file for review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import KgError
from graph.ingest.pipeline import ingest as run_ingest
from graph.ingest.pipeline import parse_period, write_draft
from graph.settings import REPO_ROOT

console = Console(stderr=True, soft_wrap=True)


def ingest(
    file: Annotated[Path, typer.Argument(help="The digest as plain text (UTF-8).")],
    out: Annotated[Path | None, typer.Option("--out", help="Draft to write [FILE.draft.yaml].")] = None,
    seed: Annotated[
        Path, typer.Option("--seed", help="Seed folder whose reference/ and *.yaml name the known actors.")
    ] = REPO_ROOT / "seed_data",
    period: Annotated[
        str | None, typer.Option("--period", help="The digest's week, START/END, when its header lacks one.")
    ] = None,
    extractor: Annotated[
        str, typer.Option("--extractor", help="Which extractor finds the events.")
    ] = "rules",
) -> None:
    """Turn a weekly digest into a draft seed file (events, new actors, evidence) for an analyst to review."""
    target = out or file.with_suffix(".draft.yaml")
    try:
        if not file.is_file():
            raise KgError(f"{file}: no such file")
        ingested = run_ingest(file, seed, parse_period(period) if period else None, extractor)
        write_draft(ingested, target, extractor)
    except KgError as error:
        console.print(f"[red]kg ingest:[/red] {error}")
        raise typer.Exit(code=2) from None
    flagged = sum(1 for c in ingested.candidates if c.review)
    console.print(
        f"{target}: {len(ingested.candidates)} candidate event(s), {flagged} flagged for review "
        f"(period {ingested.digest.period}, language {ingested.digest.language})."
    )
