"""`kg review`: the candidate pairs nobody has decided yet, and `--decide` to settle one (graph/cli.py).

A decision is written twice: appended to a decisions file (a seed file holding only `decisions:`; keep it
in the folder you load, so it holds on every later load and on a rebuilt graph), and recorded on the pair's
:Candidate node at once, so the matcher stops proposing it and `kg review` stops listing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import yaml
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from graph.command_store import run_with_store
from graph.errors import KgError
from graph.model.decisions import Decision
from graph.reports.candidates import pair_id
from graph.store import GraphStore

out = Console(soft_wrap=True, highlight=False)
errors = Console(stderr=True, soft_wrap=True, highlight=False)
VERDICTS = {"same": "same_as", "different": "not_same_as"}
HEADER = "# Analysts' matching decisions (`kg review --decide`); loaded with the seed files, see FORMAT.md.\n"


def review(
    left: Annotated[
        str | None, typer.Argument(help="With --decide: the known fact or actor (its id).")
    ] = None,
    right: Annotated[str | None, typer.Argument(help="With --decide: the other one (its id).")] = None,
    decide: Annotated[
        str | None, typer.Option("--decide", help="Settle the pair LEFT RIGHT: 'same' or 'different'.")
    ] = None,
    file: Annotated[
        Path, typer.Option("--file", help="Decisions file to append to (keep it in the folder you load).")
    ] = Path("decisions.yaml"),
    kind: Annotated[str | None, typer.Option(help="List only 'event' or 'actor' candidates.")] = None,
) -> None:
    """List the open match candidates (actors and events) with score and evidence, or decide one."""
    if decide is None:
        if left or right:
            _fail("LEFT and RIGHT go with --decide same|different")
        rows = run_with_store(lambda store: store.read("open_candidates", kind=kind), "kg review")
        _print(rows)
        return
    if decide not in VERDICTS:
        _fail(f"--decide takes 'same' or 'different', got '{decide}'")
    if not left or not right:
        _fail("--decide needs the two ids: kg review --decide same|different LEFT RIGHT")
    try:
        decision = Decision.model_validate({VERDICTS[decide]: [left, right]})
    except ValidationError as exc:
        _fail("; ".join(error["msg"].removeprefix("Value error, ") for error in exc.errors()))
    entries = _read_decisions(file)
    section = "actor" if left.partition(":")[0] not in {"event", "agreement"} else "event"
    record = {
        "id": pair_id(section, left, right),
        "kind": section,
        "left": left,
        "right": right,
        "decision": decide,
    }
    run_with_store(lambda store: _record(store, record), "kg review")
    if decision.model_dump(exclude_none=True) not in entries:
        _write_decisions(file, [*entries, decision.model_dump(exclude_none=True)])
    out.print(f"Decided: {escape(left)} and {escape(right)} are {decide}; written to {escape(str(file))}.")


async def _record(store: GraphStore, record: dict[str, Any]) -> None:
    missing = [
        each
        for each in (record["left"], record["right"])
        if not await store.read("candidate_subject", id=each)
    ]
    if missing:
        raise KgError(f"the graph holds nothing with id {', '.join(repr(each) for each in missing)}")
    await store.write("decide_candidates", decisions=[record])


def _print(rows: list[dict[str, Any]]) -> None:
    if not rows:
        out.print("No open candidates.")
        return
    out.print(f"{len(rows)} open candidate(s), best first:")
    for row in rows:
        left = f"{row['left']} ({row['left_name']})" if row["left_name"] else row["left"]
        right = f"{row['right']} ({row['right_name']})" if row["right_name"] else row["right"]
        out.print(f"\n[bold]{row['kind']}[/bold] {row['score']:.2f}  {escape(left)}  ~  {escape(right)}")
        for line in _evidence(row["evidence"]):
            out.print(f"    - {escape(line)}")
        out.print(f"    decide: kg review --decide same|different {row['left']} {row['right']}")


def _evidence(value: Any) -> list[str]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return [str(each) for each in value or []]


def _read_decisions(file: Path) -> list[dict[str, Any]]:
    if not file.exists():
        return []
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        _fail(f"{file}: cannot read it as YAML: {exc}")
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) - {"decisions"}:
        _fail(f"{file}: not a decisions file (it may hold only a `decisions:` list); give another --file")
    entries = data.get("decisions") or []
    if not isinstance(entries, list):
        _fail(f"{file}: `decisions` must be a list")
    return list(entries)


def _write_decisions(file: Path, entries: list[dict[str, Any]]) -> None:
    body = yaml.safe_dump(
        {"decisions": entries}, allow_unicode=True, sort_keys=False, default_flow_style=None
    )
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(file.name + ".tmp")
    temporary.write_text(HEADER + body, encoding="utf-8")
    temporary.replace(file)


def _fail(message: str) -> NoReturn:
    errors.print(f"[red]kg review:[/red] {escape(message)}")
    raise typer.Exit(1)
