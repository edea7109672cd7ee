"""Create or replace one actor, or one event with the agreements it produced, in ONE transaction.

The record is checked with the loader's models, its references resolved against the graph, turned into the
loader's rows (graph.load.rows) and written with the loader's queries, followed by the :Change records.
A record whose content equals what the graph holds is not written again and leaves no :Change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import TypeAdapter

from graph.errors import Problem
from graph.load.reports import resolved
from graph.load.rows import Row, record_row
from graph.model import Actor, ActorBase, Agreement, Event, EventBase, Record, Target
from graph.read.names import forget_names
from graph.store import GraphStore
from graph.store_types import Batch
from graph.write.audit import Audit, Op
from graph.write.references import Resolution, name_clashes, quote_locator, resolve_references
from graph.write.reported import SECTIONS, as_reports, mutation_record
from graph.write.validation import invalid, path, problem, validate

ACTOR: TypeAdapter[ActorBase] = TypeAdapter(Actor)
EVENT: TypeAdapter[EventBase] = TypeAdapter(Event)
AGREEMENT: TypeAdapter[Agreement] = TypeAdapter(Agreement)
LOAD_QUERIES = {"Actor": "load_actors", "Agreement": "load_agreements", "Event": "load_events"}
"""The loader's query for each base label, in the order a write runs them."""
PREFIX = "input"
"""The argument the record was given as; problems name their fields under it."""


async def upsert_actor(store: GraphStore, record: dict[str, Any], author: str) -> str:
    """Create or replace the actor `record` describes; its id."""
    problems: list[Problem] = []
    actor = validate(ACTOR, record, PREFIX, problems)
    if actor is None:
        raise invalid(problems)
    problems = await name_clashes(store, actor, PREFIX)
    resolution = await resolve_references(store, [(PREFIX, actor)], {"Actor": [actor.id]})
    if problems or resolution.problems:
        raise invalid(problems + resolution.problems)
    row = record_row(actor, resolution.resolve, _nowhere, None)
    if await _write(store, [("Actor", row)], resolution, Audit(author)):
        forget_names(store)
    return actor.id


async def upsert_event(store: GraphStore, record: dict[str, Any], author: str) -> str:
    """Create or replace the event `record` describes, and the full agreement records under its
    `agreements` key (a contract_signing's products, linked to it); the event's id."""
    record = dict(record)
    given = record.pop("agreements", None) or []
    problems = _link_agreements(record, given)
    event = validate(EVENT, record, PREFIX, problems)
    agreements: list[Agreement] = []
    for index, item in enumerate(given):
        agreement = validate(AGREEMENT, item, path(PREFIX, "agreements", index), problems)
        if agreement is not None:
            if any(each.id == agreement.id for each in agreements):
                problems.append(problem(path(PREFIX, "agreements", index, "id"), "is listed twice"))
            agreements.append(agreement)
    if event is not None and event.part_of == event.id:
        problems.append(problem(path(PREFIX, "part_of"), "an event cannot be part of itself"))
    if event is None or problems:
        raise invalid(problems)
    records: list[tuple[str, Record]] = [(PREFIX, event)]
    records += [(path(PREFIX, "agreements", index), each) for index, each in enumerate(agreements)]
    writing = {"Event": [event.id], "Agreement": [each.id for each in agreements]}
    defined = {each.id: Target.AGREEMENT for each in agreements}
    resolution = await resolve_references(store, records, writing, defined)
    if resolution.problems:
        raise invalid(resolution.problems)
    locate, problems = await quote_locator(store, records, resolution)
    if problems:
        raise invalid(problems)
    facts: list[tuple[str, Row, str]] = []
    given_facts: list[tuple[str, Agreement | EventBase]] = [("Agreement", each) for each in agreements]
    for label, model in [*given_facts, ("Event", event)]:
        given = resolved(model, resolution.resolve)
        row = record_row(given, _as_is, locate, None)
        facts.append((label, row, mutation_record(given, row)))
    await _write(store, [], resolution, Audit(author), facts)
    return event.id


def _link_agreements(record: dict[str, Any], given: Any) -> list[Problem]:
    """The agreements given in full are the event's products: add them to its `produced`."""
    if not given:
        return []
    if not isinstance(given, list) or not all(isinstance(item, dict) for item in given):
        return [problem(path(PREFIX, "agreements"), "must be a list of agreement records")]
    if record.get("kind") != "contract_signing":
        return [problem(path(PREFIX, "agreements"), "only a contract_signing event produces agreements")]
    produced = record.get("produced") or []
    if not isinstance(produced, list):
        return []
    ids = [item["id"] for item in given if isinstance(item.get("id"), str)]
    record["produced"] = [*produced, *(each for each in ids if each not in produced)]
    return []


async def _write(
    store: GraphStore,
    rows: list[tuple[str, Row]],
    resolution: Resolution,
    audit: Audit,
    facts: Sequence[tuple[str, Row, str]] = (),
) -> bool:
    """Write the rows (base label, row) whose content changed, stamped, with their :Change records, in ONE
    transaction; False when nothing changed. `facts` (label, row, report record): events and agreements,
    written as reports of their source and reconciled with the other sources' (graph/write/reported.py)."""
    hashes = {row["id"]: _stored_hash(resolution, label, row["id"]) for label, row, _ in facts}
    reported = await as_reports(store, facts, hashes, audit.at)
    batches: dict[str, list[Row]] = {label: [] for label in LOAD_QUERIES}
    changed: list[tuple[Op, str, str]] = []
    for label, row in [*rows, *reported.rows]:
        stored = resolution.stored.get((label, row["id"]))
        if stored is not None and stored.hash == row["props"]["_hash"] and label not in SECTIONS:
            continue
        batches[label].append(audit.stamp(row, stored))
        changed.append(("create" if stored is None else "update", label, row["id"]))
    if not changed:
        return False
    writes = [Batch(LOAD_QUERIES[label], list(each)) for label, each in batches.items() if each]
    load = audit.load(changed, merged=reported.merged, retracted=len(reported.retracted))
    await store.write_batches(
        [*writes, audit.changes(changed), load, *reported.batches(audit.at, audit.load_id)],
        timeout=store.timeouts.query,
    )
    return True


def _stored_hash(resolution: Resolution, label: str, fact: str) -> str | None:
    stored = resolution.stored.get((label, fact))
    return stored.hash if stored is not None else None


def _as_is(ref: str, target: Target) -> str:
    """References of a record already resolved."""
    return ref


def _nowhere(source: str, quote: str) -> tuple[int, int] | None:
    return None
