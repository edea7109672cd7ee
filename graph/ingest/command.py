"""`kg ingest PATH... [--out PATH]`: digests' text -> draft seed files for review, many in one process."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import KgError, ValidationFailed
from graph.ingest.draft import unread_notes
from graph.ingest.pipeline import Ingested, parse_period, write_draft
from graph.ingest.pipeline import ingest as run_ingest
from graph.settings import REPO_ROOT

console = Console(stderr=True, soft_wrap=True, highlight=False)


def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Digests as plain text (UTF-8), or folders of them (*.txt).")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Draft to write [FILE.draft.yaml]; with several digests, a folder."),
    ] = None,
    seed: Annotated[
        Path, typer.Option("--seed", help="Seed folder whose reference/ and *.yaml name the known actors.")
    ] = REPO_ROOT / "seed_data",
    period: Annotated[
        str | None, typer.Option("--period", help="The digest's week, START/END, when its header lacks one.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--date", help="The day the text was published (YYYY-MM-DD), when it states no period."),
    ] = None,
    extractor: Annotated[
        str, typer.Option("--extractor", help="Which extractor finds the events.")
    ] = "rules",
) -> None:
    """Turn weekly digests into draft seed files (events, new actors, evidence) for an analyst to review.

    Folders are read for *.txt files; every digest is ingested in this one process (the language models
    load once). A digest that fails is reported and the others go on; the exit code is 2 if any failed."""
    try:
        files = _digests(paths)
        week = parse_period(period) if period else None
        day = _day(published) if published else None
    except KgError as error:
        console.print(f"[red]kg ingest:[/red] {error}")
        raise typer.Exit(code=2) from None
    failed = 0
    for file in files:
        target = _target(file, out, many=len(files) > 1)
        try:
            ingested = run_ingest(file, seed, week, extractor, published=day)
            write_draft(ingested, target, extractor)
        except KgError as error:
            console.print(f"[red]kg ingest:[/red] {error}")
            failed += 1
            continue
        _report(ingested, target)
    if failed:
        raise typer.Exit(code=2)


def _digests(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise KgError(f"{path}: no *.txt digest in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise KgError(f"{path}: no such file or folder")
    return files


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(f"--date '{value}' is not a day YYYY-MM-DD") from None


def _target(file: Path, out: Path | None, many: bool) -> Path:
    if out is None:
        return file.with_suffix(".draft.yaml")
    if many or out.is_dir():
        return out / file.with_suffix(".draft.yaml").name
    return out


def _report(ingested: Ingested, target: Path) -> None:
    digest = ingested.digest
    flagged = sum(1 for c in ingested.candidates if c.review)
    console.print(
        f"{target}: {len(ingested.candidates)} candidate event(s), {flagged} flagged for review "
        f"(period {digest.period}, language {digest.language})."
    )
    if digest.period_note:
        console.print(f"  period: {digest.period_note}")
    for note in unread_notes(digest):
        console.print(f"  not read fully: {note}")
