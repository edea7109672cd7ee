"""`kg load PATH...`, `kg validate PATH...` and `kg unload SOURCE` (registered in graph/cli.py), and the seed
load of `kg up`."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from graph.connection import open_store
from graph.errors import InvalidInput, KgError
from graph.load.pipeline import (
    DEFAULT_BATCH_SIZE,
    REFERENCE_DIR,
    SEED_DIR,
    check_paths,
    load_paths,
    os_user,
)
from graph.load.summary import LoadSummary
from graph.load.unload import UnloadSummary, source_of, unload_source
from graph.load.validation import CheckedLoad
from graph.reports.candidates import record_candidates
from graph.reports.decisions import Proposal
from graph.schema import migrate
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES, get_settings

LONG_LOAD = 2_000
"""Records from which a load shows a progress bar."""

console = Console()
errors = Console(stderr=True, soft_wrap=True)

Paths = Annotated[list[Path], typer.Argument(help="Seed files or folders of them (YAML, JSON, CSV).")]
Reference = Annotated[
    Path | None,
    typer.Option(help="Reference folder whose actors names may refer to ('' for none).", show_default=True),
]


class RecordsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} records/s" if speed else "", style="progress.data.speed")


def load(
    paths: Paths,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and report; write nothing.")] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, max=50_000, help="Records per UNWIND batch.")
    ] = DEFAULT_BATCH_SIZE,
    reference: Reference = REFERENCE_DIR,
    by: Annotated[
        str | None, typer.Option(help="Who loads, for the change records (default: the OS user).")
    ] = None,
) -> None:
    """Load seed files into the graph: all are checked first; each file lands whole or not at all."""
    summary = _run_or_exit(_load(paths, dry_run, batch_size, _reference(reference), by))
    console.print(summary.table())


def validate(paths: Paths, reference: Reference = REFERENCE_DIR) -> None:
    """Check seed files (every record, reference and quote) without touching the database."""
    try:
        checked = check_paths(paths, _reference(reference), **_limits())
    except KgError as exc:
        _report(exc)
        raise typer.Exit(1) from None
    for name, ids in checked.catalog.names.shared():
        owners = ", ".join(checked.catalog.names.describe(actor_id) for actor_id in ids)
        errors.print(f"warning: the name '{name}' is shared by {owners}; a reference by it is ambiguous")
    _warn_close_actors(checked)
    console.print(f"All valid: {checked.records} records in {len(checked.files)} file(s).")


def unload(
    source: Annotated[str, typer.Argument(help="A source id, or a seed file whose `source:` names it.")],
    by: Annotated[
        str | None, typer.Option(help="Who unloads, for the change records (default: the OS user).")
    ] = None,
) -> None:
    """Withdraw one digest: retract its reports; facts no other source reports are deleted, the others are
    reconciled from the reports left. One transaction."""
    try:
        summary = asyncio.run(_unload(source, by))
    except KgError as exc:
        _report(exc)
        raise typer.Exit(1) from None
    console.print(summary.text(), markup=False, highlight=False)


async def _unload(given: str, by: str | None) -> UnloadSummary:
    settings = get_settings()
    source = source_of(given, settings.max_file_bytes)
    store = open_store(settings)
    try:
        return await unload_source(store, source, by=by or os_user())
    finally:
        await store.close()


def load_seed_folder(folder: Path = SEED_DIR) -> LoadSummary:
    """Load a whole seed folder, its `reference/` first; print the summary. Used by `kg up`."""
    summary = _run_or_exit(_load([folder], False, DEFAULT_BATCH_SIZE, folder / "reference", None))
    console.print(summary.table())
    return summary


def _limits() -> dict[str, int]:
    """KG_MAX_FILE_BYTES and KG_MAX_RECORD_BYTES; `kg validate` needs no database, so settings it does not
    use may be incomplete."""
    try:
        settings = get_settings()
    except ValidationError:
        return {"max_file_bytes": DEFAULT_MAX_FILE_BYTES, "max_record_bytes": DEFAULT_MAX_RECORD_BYTES}
    return {"max_file_bytes": settings.max_file_bytes, "max_record_bytes": settings.max_record_bytes}


def _reference(option: Path | None) -> Path | None:
    return None if option is None or str(option) in ("", ".") else option


def _run_or_exit(work: Coroutine[Any, Any, LoadSummary]) -> LoadSummary:
    try:
        return asyncio.run(work)
    except KgError as exc:
        _report(exc)
        raise typer.Exit(1) from None


async def _load(
    paths: list[Path], dry_run: bool, batch_size: int, reference: Path | None, by: str | None
) -> LoadSummary:
    settings = get_settings()
    store = open_store(settings)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RecordsPerSecond(),
        TimeElapsedColumn(),
    )
    found: list[Proposal] = []
    try:
        # The loader's name lookups use the schema's full-text index: a database that was started but never
        # migrated (`kg neo4j start`, then `kg load`) gets its schema first. Every statement is IF NOT EXISTS,
        # and it is schema, not data, so a dry run applies it too.
        await migrate(store)
        with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
            task = progress.add_task("checking", total=None, visible=False)

            def checked(load: CheckedLoad) -> None:
                _warn_close_actors(load)
                found.extend(load.close_actors)
                if load.records >= LONG_LOAD:
                    verb = "comparing" if dry_run else "loading"
                    progress.update(task, description=verb, total=load.records, visible=True)

            summary = await load_paths(
                store,
                paths,
                reference_dir=reference,
                batch_size=batch_size,
                dry_run=dry_run,
                on_checked=checked,
                progress=lambda done: progress.advance(task, done),
                by=by,
                max_file_bytes=settings.max_file_bytes,
                max_record_bytes=settings.max_record_bytes,
                match=(settings.match_attach, settings.match_review),
            )
        _print_matches(summary)
        if not dry_run:
            await record_candidates(store.write, found, kind="actor")  # listed by `kg review`
        return summary
    finally:
        await store.close()


def _print_matches(summary: LoadSummary) -> None:
    """Records the matcher attached to a known event under another id, and the uncertain pairs (listed by
    `kg review`, never merged): each with its score and evidence."""
    for file, match in summary.matches:
        if match.action == "attach":
            head = f"{file}: {match.incoming} is a report of {match.fact} (score {match.score:.2f})"
        else:
            head = (
                f"{file}: candidate {match.score:.2f}: {match.incoming} may be {match.fact}; kept apart, "
                f"listed by kg review; decide with: kg review --decide same|different {match.fact} "
                f"{match.incoming}"
            )
        errors.print(head, markup=False, highlight=False)
        for line in match.evidence:
            errors.print(f"    - {line}", markup=False, highlight=False)


def _warn_close_actors(checked: CheckedLoad) -> None:
    """New actors that may be known ones: printed, never refused (the analyst decides; `kg review`)."""
    for pair in checked.close_actors:
        errors.print(
            f"warning: new actor {pair.incoming} may be {pair.fact}: {'; '.join(pair.evidence)}. "
            f"If they differ: kg review --decide different {pair.fact} {pair.incoming}",
            markup=False,
            highlight=False,
        )


def _report(exc: KgError) -> None:
    if isinstance(exc, InvalidInput):
        errors.print(f"[red]{len(exc.problems)} problem(s) found; nothing was written.[/red]")
        for problem in exc.problems:
            errors.print(f"  {problem}", markup=False, highlight=False)
    else:
        errors.print(f"[red]{type(exc).__name__}:[/red] {exc}")
