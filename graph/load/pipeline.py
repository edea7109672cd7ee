"""`load_paths`: check everything, then write file by file. `check_paths`: the first half alone."""

from __future__ import annotations

import asyncio
import gc
import getpass
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from graph.errors import QueryTimeout
from graph.load.files import SeedFile
from graph.load.stored import NAME_HITS, StoredActor, name_query, stored_actor
from graph.load.summary import LoadSummary
from graph.load.validation import CheckedLoad, check_files
from graph.load.writer import FileWriter, ProgressHook
from graph.read.names import forget_names
from graph.reports.candidates import drop_decided
from graph.reports.matching import ATTACH, REVIEW
from graph.settings import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES, REPO_ROOT
from graph.store import GraphStore

SEED_DIR = REPO_ROOT / "seed_data"
REFERENCE_DIR = next(
    (path for path in (SEED_DIR / "reference", Path(__file__).parents[1] / "_reference") if path.is_dir()),
    SEED_DIR / "reference",
)
"""The built-in reference data: in a checkout, seed_data/reference; in an installed wheel, graph/_reference
(pyproject's force-include), so `kg load` finds it from any folder."""
DEFAULT_SEED_DIR = SEED_DIR if SEED_DIR.is_dir() else REFERENCE_DIR
"""What `kg up` loads unless told: seed_data/ in a checkout; the built-in reference data in an installed
wheel (which ships no digests)."""
DEFAULT_BATCH_SIZE = 5000


def check_paths(
    paths: Sequence[Path],
    reference_dir: Path | None = REFERENCE_DIR,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> CheckedLoad:
    """Validate the files and every reference between them (and into `reference_dir`); write nothing.

    Raises InvalidInput with every problem found.
    """
    return check_files(paths, reference_dir, max_file_bytes=max_file_bytes, max_record_bytes=max_record_bytes)


async def load_paths(
    store: GraphStore,
    paths: Sequence[Path],
    *,
    reference_dir: Path | None = REFERENCE_DIR,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    on_checked: Callable[[CheckedLoad], None] | None = None,
    progress: ProgressHook | None = None,
    by: str | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    match: tuple[float, float] = (ATTACH, REVIEW),
) -> LoadSummary:
    """Load seed files: nothing is written unless every file is valid; then one transaction per file, with a
    :Change record of it (`by`, default the OS user; when; the file's hash; what it created and updated).
    `match`: the matcher's (attach, review) thresholds (KG_MATCH_ATTACH, KG_MATCH_REVIEW)."""
    started = time.perf_counter()
    # The first pass keeps each file's checked records in a private temporary folder, so the writer does not
    # parse the files again (graph/load/kept.py); it goes when the load ends, however it ends.
    with _few_garbage_collections(), tempfile.TemporaryDirectory(prefix="kg-load-") as folder:
        loop = asyncio.get_running_loop()

        def lookup(ids: list[str]) -> dict[str, str]:
            """From the checking thread: the kinds of the ids the graph holds, in one query."""
            reading = store.load_read("load_known_ids", ids=ids)
            found = asyncio.run_coroutine_threadsafe(reading, loop).result()
            return {row["id"]: row["kind"] for row in found}

        def find_names(names: list[str]) -> list[StoredActor]:
            """From the checking thread: the actors the graph holds that may answer to these names, in one
            query through the full-text index."""
            queries = [{"query": query} for query in map(name_query, names) if query]
            reading = store.load_read("load_known_names", names=queries, limit=NAME_HITS)
            found = asyncio.run_coroutine_threadsafe(reading, loop).result()
            return [stored_actor(row) for row in found]

        try:
            checked = await asyncio.to_thread(
                check_files,
                paths,
                reference_dir,
                max_file_bytes=max_file_bytes,
                lookup=lookup,
                max_record_bytes=max_record_bytes,
                find_names=find_names,
                keep=Path(folder),
            )
        except QueryTimeout:  # the store says what happened; whoever loads is told the setting
            message = (
                "looking up the ids and names the files refer to ran longer than KG_LOAD_TIMEOUT "
                f"({store.timeouts.load:g} s) and was stopped; nothing was written. Raise KG_LOAD_TIMEOUT"
            )
            raise QueryTimeout(message) from None
        if checked.close_actors:  # a pair an analyst decided is not listed again
            checked.close_actors = await drop_decided(store.read, checked.close_actors, "actor")
        if on_checked:
            on_checked(checked)
        summary = LoadSummary(dry_run=dry_run)
        writer = FileWriter(
            store,
            checked.catalog,
            checked.texts,
            summary,
            batch_size,
            dry_run,
            progress,
            by=by or os_user(),
            max_file_bytes=max_file_bytes,
            max_record_bytes=max_record_bytes,
            match_attach=match[0],
            match_review=match[1],
        )
        try:
            await writer.write_all(checked.files)
        finally:  # the names this process answers from (graph.read.names) may have changed
            forget_names(store)
    summary.seconds = time.perf_counter() - started
    return summary


def os_user() -> str:
    """Who runs the load, as the operating system knows them (`kg load --by` overrides it)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@contextmanager
def _few_garbage_collections() -> Iterator[None]:
    """A load allocates millions of short-lived objects and few cycles; the default GC thresholds make
    Python spend a third of the first pass collecting."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


async def load_seed_directory(store: GraphStore, path: Path = SEED_DIR) -> LoadSummary:
    """Load a whole seed folder (reference data first), as `kg up` does."""
    return await load_paths(store, [path], reference_dir=path / "reference")


__all__ = ["CheckedLoad", "SeedFile", "check_paths", "load_paths", "load_seed_directory"]
