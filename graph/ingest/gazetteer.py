"""Known actors by every name they go by, found in text with one Aho-Corasick pass over normalised words.

A name the text gives that no actor has exactly ("Security Council" for the Security Council of Russia) is
looked up approximately in the one name index (graph/names, as the loader and the API do), with its one
cut-off for "the same actor" (`CLOSE`), in any script."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

import ahocorasick  # type: ignore[import-not-found]
import yaml
from rapidfuzz import fuzz

from graph.errors import Location, ValidationFailed
from graph.ingest.aliases import INGEST_ALIASES
from graph.ingest.candidates import ActorKind, ActorRef, Mention, Span
from graph.ingest.holders import Holders, load_holders
from graph.ingest.tokens import Token, normalize_phrase
from graph.names import CLOSE, NameIndex

ACTOR_KINDS: frozenset[str] = frozenset({"person", "organization", "country", "region", "city"})


@dataclass
class _Entry:
    actor: ActorRef
    surface: str
    case_sensitive: bool
    derived: bool = False
    """A short form we made up ("Irkutsk" for "Irkutsk Oblast"): used after every real alias."""


REGION_SUFFIX = re.compile(
    r"^(?P<stem>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?) (?:Oblast|Region|Krai|Kray|Voblast|\(city\))$"
)
"""Short forms of region names: "Irkutsk" for "Irkutsk Oblast", "Moscow" for the city "Moscow (city)"."""


@dataclass(frozen=True)
class OfficeHeld:
    """An office from the seed files: who holds what title of which actor, and the country it serves."""

    person: str
    title: str
    of: str
    country: str | None


@dataclass
class Gazetteer:
    actors: dict[str, ActorRef] = field(default_factory=dict)
    offices: list[OfficeHeld] = field(default_factory=list)
    holders: Holders = field(default_factory=lambda: Holders((), ()))
    """Who held which office when (graph/ingest/holders.yaml): titles resolved at the text's date."""
    countries: dict[str, str] = field(default_factory=dict)
    """Actor id -> the id of its country (its `country` or `parent` as given), where the record says."""
    names: dict[str, list[str]] = field(default_factory=dict)
    """Every id's names, canonical first."""
    _by_norm: dict[str, list[_Entry]] = field(default_factory=dict)
    _index: NameIndex = field(default_factory=NameIndex)
    """Every actor by its names in their normalised (nominative) form, for `similar`."""
    _automaton: Any = None
    _similar: dict[tuple[str, str], ActorRef | None] = field(default_factory=dict)

    def add(self, actor: ActorRef, aliases: Iterable[str]) -> None:
        self.actors[actor.id] = actor
        surfaces = [actor.name, *[a for a in aliases if a]]
        self.names[actor.id] = surfaces
        derived = (
            [m.group("stem") for m in map(REGION_SUFFIX.match, surfaces) if m]
            if actor.kind == "region"
            else []
        )
        normalised: list[str] = []
        for surface, is_derived in [*((s, False) for s in surfaces), *((d, True) for d in derived)]:
            norm = normalize_phrase(surface)
            if not norm:
                continue
            normalised.append(norm)
            entries = self._by_norm.setdefault(norm, [])
            if all(e.actor.id != actor.id for e in entries):
                acronym = surface.isupper() and len(surface) <= 5
                exact = surface.casefold() + " (city)" in (name.casefold() for name in surfaces)
                guess = replace(actor, confidence=0.8) if is_derived and not exact else actor
                entries.append(_Entry(guess, surface, case_sensitive=acronym, derived=is_derived))
                entries.sort(key=lambda e: (e.derived, -e.actor.confidence))
        if normalised:
            self._index.add(actor.id, normalised[0], normalised[1:], actor.kind)
        self._automaton = None
        self._similar.clear()

    def similar(self, name: str, kind: str) -> ActorRef | None:
        """The one known actor of this kind whose name is close enough to `name`, if exactly one is."""
        key = (name, kind)
        if key not in self._similar:
            self._similar[key] = self._most_similar(name, kind)
        return self._similar[key]

    def _most_similar(self, name: str, kind: str) -> ActorRef | None:
        norm = normalize_phrase(name)
        if len(norm.split()) < 2:
            return None
        # A person's whole name is compared; an organisation's or place's name may leave words out
        # ("Security Council" for "Security Council of Russia"), but only words it has.
        scorer = fuzz.ratio if kind == "person" else fuzz.token_set_ratio
        hits = self._index.similar(norm, limit=10, kinds=(kind,), cutoff=CLOSE, scorer=scorer)
        if kind != "person":
            words = set(norm.split())
            hits = [hit for hit in hits if words <= set(normalize_phrase(hit.matched).split())]
        ids = {hit.id for hit in hits}
        if len(ids) != 1:
            return None
        return self.actors[ids.pop()]

    def lookup(self, name: str) -> list[ActorRef]:
        return [e.actor for e in self._by_norm.get(normalize_phrase(name), [])]

    def find(self, text: str, tokens: list[Token]) -> list[Mention]:
        """Longest non-overlapping matches, leftmost first."""
        if not tokens or not self._by_norm:
            return []
        joined, starts = _join(tokens)
        hits: list[tuple[int, int, str]] = []
        for end_char, norm in self._compiled().iter(joined):
            first = starts.get(end_char - len(norm) - 1)
            last = starts.get(end_char, len(tokens)) - 1
            if first is not None:
                hits.append((first, last, norm))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        mentions: list[Mention] = []
        taken = -1
        for first, last, norm in hits:
            if first <= taken:
                continue
            span = Span(tokens[first].start, tokens[last].end)
            surface = text[span.start : span.end]
            refs = tuple(e.actor for e in self._by_norm[norm] if not e.case_sensitive or e.surface == surface)
            if refs:
                mentions.append(Mention(span, refs, surface))
                taken = last
        return mentions

    def _compiled(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for norm in self._by_norm:
                automaton.add_word(f" {norm} ", norm)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


def _join(tokens: list[Token]) -> tuple[str, dict[int, int]]:
    """' w1 w2 ... ' and, for each word, the offset of the space before it -> its index."""
    parts: list[str] = [" "]
    starts: dict[int, int] = {}
    offset = 0
    for index, token in enumerate(tokens):
        starts[offset] = index
        parts.append(token.norm + " ")
        offset += len(token.norm) + 1
    return "".join(parts), starts


def load_gazetteer(paths: Iterable[Path]) -> Gazetteer:
    gazetteer = Gazetteer()
    offices: list[dict[str, Any]] = []
    for path in paths:
        for record in _read_actor_records(path):
            actor, aliases = _actor_from_record(record, path)
            gazetteer.add(actor, aliases)
            owner = record.get("country") or record.get("parent")
            if isinstance(owner, str):
                gazetteer.countries[actor.id] = owner
        offices += _read_offices(path)
    for actor_id, aliases in INGEST_ALIASES.items():
        if actor_id in gazetteer.actors:
            gazetteer.add(gazetteer.actors[actor_id], [*gazetteer.names[actor_id][1:], *aliases])
    _add_holders(gazetteer, load_holders())
    for office in offices:
        person, of = str(office.get("person") or ""), str(office.get("of") or "")
        if person in gazetteer.actors and of in gazetteer.actors:
            country = of if of.startswith("country:") else gazetteer.countries.get(of)
            gazetteer.offices.append(OfficeHeld(person, str(office.get("title") or ""), of, country))
    return gazetteer


def _add_holders(gazetteer: Gazetteer, holders: Holders) -> None:
    """The office-holder table's people, found by name like the reference data's: one the reference
    knows keeps its record and gains the table's spellings; the others are proposed as new actors (the
    draft declares them) under the table's id, so every text names them alike."""
    gazetteer.holders = holders
    for person in holders.people:
        known = gazetteer.actors.get(person.id)
        if known is not None:
            gazetteer.add(known, [*gazetteer.names[person.id][1:], *person.aliases])
            continue
        gazetteer.add(ActorRef(person.id, person.name, "person", known=False), person.aliases)
        if person.country:
            gazetteer.countries[person.id] = person.country


def _read_offices(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".csv":
        return []
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = document.get("offices") if isinstance(document, dict) else None
    return [o for o in found if isinstance(o, dict)] if isinstance(found, list) else []


def reference_files(seed_folder: Path) -> list[Path]:
    """The reference data and the seed files beside it, in a stable order."""
    found: list[Path] = []
    for folder in (seed_folder / "reference", seed_folder):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml", ".csv"})
    return found


def _read_actor_records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield {**row, "aliases": [a for a in (row.get("aliases") or "").split("|") if a]}
        return
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValidationFailed(f"not valid YAML: {error}", location=Location(file=str(path))) from error
    if not isinstance(document, dict):
        return
    actors = document.get("actors") or []
    if not isinstance(actors, list):
        raise ValidationFailed("'actors' must be a list", location=Location(file=str(path), field="actors"))
    for index, record in enumerate(actors):
        if not isinstance(record, dict):
            raise ValidationFailed("actor must be a mapping", location=Location(file=str(path), record=index))
        yield cast(dict[str, Any], record)


def _actor_from_record(record: dict[str, Any], path: Path) -> tuple[ActorRef, list[str]]:
    where = Location(file=str(path), record=str(record.get("id") or "?"))
    actor_id, kind, name = record.get("id"), record.get("kind"), record.get("name")
    if not isinstance(actor_id, str) or not isinstance(name, str) or not name.strip():
        raise ValidationFailed("actor needs a string 'id' and 'name'", location=where)
    if kind not in ACTOR_KINDS:
        raise ValidationFailed(
            f"unknown actor kind {kind!r}", location=Location(where.file, where.record, "kind")
        )
    aliases = record.get("aliases") or []
    if not isinstance(aliases, list):
        raise ValidationFailed(
            "'aliases' must be a list", location=Location(where.file, where.record, "aliases")
        )
    return ActorRef(actor_id, name, cast(ActorKind, kind), known=True), [str(a) for a in aliases]
