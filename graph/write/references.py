"""Every reference of a record given to a mutation, resolved against the DATABASE before anything is written.

Actors are named by id, name or alias (the API's ActorDirectory, with its unknown/ambiguous messages);
events, agreements and sources by id. A reference that resolves to nothing is a problem naming its field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from graph.errors import Location, Problem, ValidationFailed
from graph.load.rows import Locate
from graph.model import ActorBase, Evidenced, Record, Target, split_id
from graph.read.names import ActorDirectory, directory, resolve_actor
from graph.store import GraphStore
from graph.write.validation import camel, path, problem

LABELS = {Target.EVENT: "Event", Target.AGREEMENT: "Agreement", Target.SOURCE: "Source"}
"""The node label of each target referred to by id alone."""
_LOOKUP_LISTS = {"Actor": "actors", "Event": "events", "Agreement": "agreements", "Source": "sources"}


@dataclass(frozen=True)
class Stored:
    """What the graph holds of a node a mutation writes: its content hash and who created it, when."""

    hash: str | None
    created_by: str | None
    created_at: datetime | None


@dataclass
class Resolution:
    stored: dict[tuple[str, str], Stored]
    """(label, id) of every node written or referred to by id that the graph holds."""
    resolved: dict[tuple[str, Target], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def resolve(self, ref: str, target: Target) -> str:
        """The id a checked reference stands for (the `Resolve` of graph.load.rows)."""
        return self.resolved[(ref, target)]


async def resolve_references(
    store: GraphStore,
    records: Sequence[tuple[str, Record]],
    writing: Mapping[str, Iterable[str]],
    defined: Mapping[str, Target] | None = None,
) -> Resolution:
    """Resolve the references of `records` (each with the argument path it came from).

    `writing`: the ids this mutation writes, by label, to learn what the graph holds of them.
    `defined`: ids this mutation itself defines, so its records may refer to one another.
    """
    defined = defined or {}
    ids: dict[str, set[str]] = {label: set(each) for label, each in writing.items()}
    for _, record in records:
        for reference in record.references():
            if reference.target in LABELS and split_id(reference.value):
                ids.setdefault(LABELS[reference.target], set()).add(reference.value)
    lists = {name: sorted(ids.get(label, ())) for label, name in _LOOKUP_LISTS.items()}
    rows = await store.read("write_lookup", **lists)
    resolution = Resolution(
        {(r["label"], r["id"]): Stored(r["hash"], r["created_by"], r["created_at"]) for r in rows}
    )
    for prefix, record in records:
        if isinstance(record, Evidenced):
            for index, evidence in enumerate(record.evidence):
                if evidence.source is None:
                    where = path(prefix, "evidence", index, "source")
                    resolution.problems.append(problem(where, "is required: the id of the quote's source"))
        for reference in record.references():
            where = f"{prefix}.{'.'.join(camel(part) for part in reference.field.split('.'))}"
            key = (reference.value, reference.target)
            if reference.target in LABELS:
                found = _by_id(reference.value, reference.target, where, resolution, defined)
            else:
                found = await _actor(store, reference.value, reference.target, where)
            if isinstance(found, Problem):
                resolution.problems.append(found)
            else:
                resolution.resolved[key] = found
    return resolution


def _by_id(
    ref: str, target: Target, where: str, resolution: Resolution, defined: Mapping[str, Target]
) -> str | Problem:
    if split_id(ref) is None:
        return problem(where, f"'{ref}' is not an id: {target.description} is referred to by its id")
    if defined.get(ref) is target or (LABELS[target], ref) in resolution.stored:
        return ref
    return problem(where, f"unknown {target.noun} '{ref}': the graph holds no {target.noun} with this id")


async def _actor(store: GraphStore, ref: str, target: Target, where: str) -> str | Problem:
    kinds = () if target is Target.ACTOR else tuple(sorted(target.kinds))
    try:
        return (await resolve_actor(store, ref, where, kinds)).id
    except ValidationFailed as exc:
        return Problem(exc.location or Location(field=where), exc.message)


async def name_clashes(store: GraphStore, actor: ActorBase, prefix: str) -> list[Problem]:
    """Names and aliases new to this actor that already name another one: a name belongs to ONE actor
    (seed_data/FORMAT.md), and a second owner would make every later use of it ambiguous."""
    names: ActorDirectory = await directory(store)
    current = names.actors.get(actor.id)
    had = {current.name, *current.aliases} if current else set()
    problems = []
    for where, text in [(path(prefix, "name"), actor.name)] + [
        (path(prefix, "aliases", index), alias) for index, alias in enumerate(actor.aliases)
    ]:
        others = [each for each in names.named(text) if each.id != actor.id]
        if others and text not in had:
            owners = ", ".join(str(each) for each in others)
            problems.append(problem(where, f"'{text}' already names {owners}; a name belongs to one actor"))
    return problems


async def quote_locator(
    store: GraphStore, records: Sequence[tuple[str, Record]], resolution: Resolution
) -> tuple[Locate, list[Problem]]:
    """Where each quote of `records` (each with its argument path) sits in its source, and the quotes that
    are not in it.

    A source whose text the graph holds (:SourceText) is the judge: a quote must occur in it word for word,
    as the loader demands of seed files, or it is a problem naming `...evidence[i].quote`. A source without
    a stored text cannot be checked: its quote is accepted, placed where the loader placed the same words
    before, else left without offsets (start and end null)."""
    cited: list[tuple[str, str, str]] = [
        (
            path(prefix, "evidence", index, "quote"),
            resolution.resolve(evidence.source, Target.SOURCE),
            evidence.quote,
        )
        for prefix, record in records
        if isinstance(record, Evidenced)
        for index, evidence in enumerate(record.evidence)
        if evidence.source is not None
    ]
    if not cited:
        return _nowhere, []
    sources = sorted({source for _, source, _ in cited})
    texts = {row["source"]: row["text"] for row in await store.read("write_source_texts", sources=sources)}
    unchecked = [
        {"source": source, "quote": quote} for _, source, quote in cited if texts.get(source) is None
    ]
    rows = await store.read("write_quote_offsets", quotes=unchecked) if unchecked else []
    spans: dict[tuple[str, str], tuple[int, int] | None] = {
        (row["source"], row["quote"]): (row["start"], row["end"]) for row in rows
    }
    problems: list[Problem] = []
    for where, source, quote in cited:
        text = texts.get(source)
        if text is None:
            continue
        start = text.find(quote)
        if start < 0:
            # Says no more than that: how far a guess matched would read the text out a piece at a time.
            problems.append(problem(where, f"is not in the text of {source}: a quote is its exact words"))
        else:
            spans[(source, quote)] = (start, start + len(quote))

    def locate(source: str, quote: str) -> tuple[int, int] | None:
        return spans.get((source, quote))

    return locate, problems


def _nowhere(source: str, quote: str) -> tuple[int, int] | None:
    return None
