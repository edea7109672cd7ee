"""Everything the files being loaded define, so references can be checked across files."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass

from graph.load.reading import RawFile
from graph.load.stored import StoredActor
from graph.model import ACTOR_KINDS, Target, split_id
from graph.names import NameIndex
from graph.reports.decisions import Decisions
from graph.spill import SpillMap

FACT_KINDS = frozenset({"event", "agreement", "office", "claim"})


STORED = -1
"""The `file` of a definition found in the graph, not in a file of the load."""


@dataclass(frozen=True, slots=True)
class Definition:
    kind: str
    """An actor kind (person, region, ...) or event, agreement, source, office, claim."""
    file: int
    section: str
    index: int


class Catalog:
    """The maps with an entry per record or actor are `SpillMap`s (graph/spill.py): past a size they live in a
    temporary SQLite file, so a load of millions of records keeps a fixed amount of them in memory."""

    def __init__(self) -> None:
        self.definitions: MutableMapping[str, Definition] = SpillMap()
        self.names = NameIndex.spilling()
        self.files: list[RawFile] = []
        """Every file of the load, without its data: to name it and find lines in it."""
        self.actor_names: MutableMapping[str, tuple[str, int]] = SpillMap()
        """Each actor's name and the file that first gave it."""
        self.in_files: MutableMapping[tuple[str, int], tuple[str, int]] = SpillMap()
        """(id, file) -> where in that file it is first defined: an id twice in one file is a duplicate."""
        self.aliases: MutableMapping[str, list[str]] = SpillMap()
        """Each actor's aliases, united over every file that defines it."""
        self.decisions = Decisions()
        """Every file's matching decisions: the loader applies them to every file of the load, whatever
        their order (a decisions file loaded after the digests it decides about still holds for them)."""
        self.filled: dict[str, dict[str, str]] = {}
        """An actor several files define: identity fields (iso_code, parent, country) one file gives and
        another leaves out, so every file's row of it carries them."""

    def define(self, record_id: str, kind: str, file: int, section: str, index: int) -> str | None:
        """Register a record; the problem when its id is already taken.

        A fact (event, agreement, office, claim) another file defines too is another report of it, and an
        actor another file defines too is merged with it (same kind; names are compared in `name_actor`).
        Within one file, and for sources, an id taken is a duplicate.
        """
        here = self.in_files.setdefault((record_id, file), (section, index))
        if here != (section, index):
            where = self.files[file].location(*here)
            line = f":{where.line}" if where.line else ""
            return f"duplicate id '{record_id}': already defined in {where.file}{line}"
        known = self.definitions.get(record_id)
        if known is not None:
            where = self.files[known.file].location(known.section, known.index)
            line = f":{where.line}" if where.line else ""
            if known.file != file and kind == known.kind and kind in FACT_KINDS:
                return None
            if known.file != file and kind in ACTOR_KINDS:
                if kind == known.kind:
                    return None
                return (
                    f"conflicting definitions of '{record_id}': a {kind} here, a {known.kind} in "
                    f"{where.file}{line}"
                )
            return f"duplicate id '{record_id}': already defined in {where.file}{line}"
        self.definitions[record_id] = Definition(kind, file, section, index)
        return None

    def name_actor(self, actor_id: str, name: str, aliases: list[str], file: int) -> str | None:
        """Add an actor's names; an actor several files define keeps one name and the union of the aliases.
        The problem when another file gives it another name."""
        known = self.actor_names.get(actor_id)
        if known is not None and " ".join(known[0].split()) != " ".join(name.split()):
            return (
                f"conflicting definitions of '{actor_id}': named '{name}' here, '{known[0]}' in "
                f"{self.first_definition(actor_id, 'name')}"
            )
        if known is None:
            self.actor_names[actor_id] = (name, file)
        merged = self.aliases.get(actor_id)
        if merged is None or any(alias not in merged for alias in aliases):
            merged = list(merged or ())
            merged.extend(alias for alias in aliases if alias not in merged)
            self.aliases[actor_id] = merged
        self.names.add(actor_id, name, aliases, kind=self.definitions[actor_id].kind)
        return None

    def first_definition(self, record_id: str, field: str) -> str:
        """Where the record was first defined (file:line, record, field), for conflict messages."""
        known = self.definitions[record_id]
        return str(self.files[known.file].location(known.section, known.index, field, record_id))

    def know(self, actor: StoredActor) -> None:
        """An actor the graph holds and no file of the load defines: its id and names resolve like a file's
        (a file's definition of the same id wins)."""
        if actor.id in self.definitions:
            return
        self.definitions[actor.id] = Definition(actor.kind, STORED, "", 0)
        self.names.add(actor.id, actor.name, actor.aliases, kind=actor.kind, codes=(actor.iso_code or "",))

    def resolve(self, ref: str, target: Target) -> str | tuple[None, str]:
        """The id `ref` stands for, or (None, why not)."""
        if split_id(ref) is not None:
            return self._resolve_id(ref, target)
        if not target.kinds <= ACTOR_KINDS:
            return None, f"'{ref}' is not an id: {target.description} is referred to by its id"
        every = self.names.candidates(ref)
        fitting = [actor_id for actor_id in every if self.definitions[actor_id].kind in target.kinds]
        if len(fitting) == 1:
            return fitting[0]
        if len(fitting) > 1:
            listed = "; ".join(self.names.describe(actor_id) for actor_id in fitting)
            return None, f"ambiguous name '{ref}': it could be {listed}; use the id"
        if every:
            listed = "; ".join(f"{self.names.describe(i)}, a {self.definitions[i].kind}" for i in every)
            return None, f"'{ref}' names {listed}; this field needs {target.description}"
        return None, f"unknown {target.noun} '{ref}'{self._hint(ref, target)}"

    def _resolve_id(self, ref: str, target: Target) -> str | tuple[None, str]:
        known = self.definitions.get(ref)
        if known is None:
            hint = (
                self._hint(ref.partition(":")[2].replace("-", " "), target)
                if target.kinds <= ACTOR_KINDS
                else ""
            )
            return None, f"unknown {target.noun} '{ref}': no file being loaded defines it{hint}"
        if known.kind not in target.kinds:
            return None, f"'{ref}' is a {known.kind}; this field needs {target.description}"
        return ref

    def _hint(self, ref: str, target: Target) -> str:
        close = [hit.id for hit in self.names.similar(ref) if self.definitions[hit.id].kind in target.kinds]
        if not close:
            return ""
        return "; did you mean " + " or ".join(self.names.describe(actor_id) for actor_id in close) + "?"
