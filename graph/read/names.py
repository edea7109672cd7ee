"""What analysts type ("Minsk", "Lukashenko", "Лукашенко", "RU") resolved to actors.

The directory of names is small (thousands of actors) and read-mostly, so it is cached per process and
refreshed after a short time or when this process writes; other replicas see new names within that time.
"""

from __future__ import annotations

import asyncio
import re
import time
import weakref
from dataclasses import dataclass, field

from graph.errors import Location, UnresolvedName, ValidationFailed
from graph.names import NameIndex, normalise
from graph.store import GraphStore

CACHE_SECONDS = 30.0
MAX_NAME_LENGTH = 500
"""No name or alias is longer (graph.model.base.Name); a longer text is refused before fuzzy matching,
whose cost grows with its length times the directory's size."""


@dataclass(frozen=True)
class NamedActor:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    iso_code: str | None
    org_kind: str | None
    country: str | None

    def __str__(self) -> str:
        return f"{self.id} ({self.name})"


@dataclass
class ActorDirectory:
    """The actors the graph holds, by id and through the one name index (graph/names)."""

    actors: dict[str, NamedActor] = field(default_factory=dict)
    index: NameIndex = field(default_factory=NameIndex)
    _members: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def add(self, actor: NamedActor) -> None:
        self.actors[actor.id] = actor
        self.index.add(actor.id, actor.name, actor.aliases, actor.kind, codes=(actor.iso_code or "",))
        self._members.clear()

    def members(self, country: str) -> tuple[str, ...]:
        """The ids of the persons and organisations that belong to `country`, worked out once per directory
        (every flagship request and every filter by a state asks; the directory holds thousands)."""
        found = self._members.get(country)
        if found is None:
            found = tuple(
                actor.id
                for actor in self.actors.values()
                if actor.country == country and actor.kind in ("person", "organization")
            )
            self._members[country] = found
        return found

    def named(self, text: str) -> list[NamedActor]:
        """The actors whose name, alias or ISO code is `text` (normalised)."""
        return [self.actors[actor_id] for actor_id in self.index.candidates(text)]

    def exact(self, text: str, kinds: tuple[str, ...] = ()) -> list[NamedActor]:
        found = [self.actors[text]] if text in self.actors else self.named(text)
        return [actor for actor in found if not kinds or actor.kind in kinds]

    def similar(
        self, text: str, limit: int, kinds: tuple[str, ...] = ()
    ) -> list[tuple[NamedActor, float, str]]:
        """Actors whose name or an alias comes closest to `text`: (actor, score 0..1, the name matched)."""
        hits = self.index.similar(text, limit, kinds)
        return [(self.actors[hit.id], hit.score, hit.matched) for hit in hits]


_cache: weakref.WeakKeyDictionary[GraphStore, tuple[float, ActorDirectory]] = weakref.WeakKeyDictionary()
_reading: weakref.WeakKeyDictionary[GraphStore, asyncio.Task[ActorDirectory]] = weakref.WeakKeyDictionary()


async def directory(store: GraphStore) -> ActorDirectory:
    """The store's directory, read at most CACHE_SECONDS ago, or at most that long before the read that is
    under way. One read at a time per store: requests that need the directory before it was ever read wait
    for the same read (before, every request in flight read all 3,163 actors and built its own index, four
    at once under admission control); once it is older than CACHE_SECONDS, the next request starts a
    fresh read in the background and answers from the one it has, as do the requests after it until the
    read is done (the read takes 0.2-0.4 s of Neo4j and 0.17 s of Python on this machine; each request that
    waited for it stalled, and the event loop with it, every 30 s under load)."""
    cached = _cache.get(store)
    if cached is not None:
        if time.monotonic() - cached[0] >= CACHE_SECONDS:
            _read_directory(store)
        return cached[1]
    # shielded: a request cancelled while it waits does not cancel the read the others wait for
    return await asyncio.shield(_read_directory(store))


def _read_directory(store: GraphStore) -> asyncio.Task[ActorDirectory]:
    """The read of the directory under way for `store`, started if there is none."""
    task = _reading.get(store)
    if task is None or task.get_loop() is not asyncio.get_running_loop():  # a store kept across loops
        task = asyncio.ensure_future(_read_names(store))
        _reading[store] = task
        task.add_done_callback(lambda done: _finished(store, done))
    return task


def _finished(store: GraphStore, task: asyncio.Task[ActorDirectory]) -> None:
    if _reading.get(store) is task:
        del _reading[store]
        if not task.cancelled() and task.exception() is None:
            _cache[store] = (time.monotonic(), task.result())
    elif not task.cancelled():
        task.exception()  # a read forget_names made obsolete: its error, if any, is nobody's to report


async def _read_names(store: GraphStore) -> ActorDirectory:
    names = ActorDirectory()
    for row in await store.read("read/actor_directory"):
        names.add(
            NamedActor(
                row["id"],
                row["kind"],
                row["name"],
                tuple(row["aliases"]),
                row["iso_code"],
                row["org_kind"],
                row["country"],
            )
        )
    return names


def forget_names(store: GraphStore) -> None:
    """Drop the cached directory after this process wrote actors; a read under way began before the write,
    so the next request reads again rather than wait for that one."""
    _cache.pop(store, None)
    _reading.pop(store, None)


def check_name(text: str, argument: str) -> None:
    """A text to look up as a name is at most MAX_NAME_LENGTH characters, else ValidationFailed naming it."""
    if len(text) > MAX_NAME_LENGTH:
        raise ValidationFailed(
            f"'{argument}' is {len(text):,} characters long; no name is longer than {MAX_NAME_LENGTH}",
            location=Location(field=argument),
        )


PLACE_KINDS = ("country", "region", "city")
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def candidate(actor: NamedActor) -> dict[str, str]:
    """How a candidate is shown to a client (error and warning `extensions`)."""
    return {"id": actor.id, "name": actor.name, "kind": actor.kind}


async def resolve_actor(
    store: GraphStore, text: str, argument: str, kinds: tuple[str, ...] = ()
) -> NamedActor:
    """The one actor `text` names (an id, a name or an alias) among `kinds` (any, if empty), or an
    UnresolvedName naming the argument, with the candidates: those it names, or the closest names."""
    check_name(text, argument)
    names = await directory(store)
    found = names.exact(text.strip(), kinds)
    if len(found) == 1:
        return found[0]
    raise _unresolved(names, text, argument, kinds, found)


def _unresolved(
    names: ActorDirectory, text: str, argument: str, kinds: tuple[str, ...], found: list[NamedActor]
) -> UnresolvedName:
    where = Location(field=argument)
    what = " or ".join(kinds) if kinds else "actor"
    if found:
        listed = ", ".join(str(actor) for actor in found)
        return UnresolvedName(
            f"'{text}' is ambiguous: it names {listed}; pass an id",
            location=where,
            candidates=[candidate(actor) for actor in found],
        )
    close = [actor for actor, _, _ in names.similar(text, 5, kinds)]
    hint = f"; did you mean {', '.join(str(actor) for actor in close[:3])}?" if close else ""
    return UnresolvedName(
        f"no {what} is called '{text}'{hint}", location=where, candidates=[candidate(a) for a in close]
    )


@dataclass(frozen=True)
class PlaceGuess:
    """A place taken for a name that names no place exactly: said back to the client as a warning."""

    argument: str
    text: str
    place: NamedActor
    others: tuple[NamedActor, ...]
    """Actors that are not places and carry the name itself ("Moscow": the Russian government)."""

    @property
    def message(self) -> str:
        also = "; it also names " + ", ".join(map(str, self.others)) + ", not a place" if self.others else ""
        return f"'{self.text}' was taken as the place {self.place}{also}"


async def resolve_place(store: GraphStore, text: str, argument: str) -> tuple[NamedActor, PlaceGuess | None]:
    """The place `text` names, among places only (countries, regions, cities).

    A name no place has exactly, but one place has with a qualifier in brackets ("Moscow" for "Moscow
    (city)"), is taken as that place, and the guess is returned to be said back; anything else that is not
    exactly one place is an UnresolvedName with candidates."""
    check_name(text, argument)
    names = await directory(store)
    found = names.exact(text.strip(), PLACE_KINDS)
    if len(found) == 1:
        return found[0], None
    if not found:
        key = normalise(text)
        qualified = [
            actor
            for actor in names.actors.values()
            if actor.kind in PLACE_KINDS and normalise(_QUALIFIER.sub("", actor.name)) == key
        ]
        if len(qualified) == 1:
            others = tuple(a for a in names.exact(text.strip()) if a.kind not in PLACE_KINDS)
            return qualified[0], PlaceGuess(argument, text, qualified[0], others)
        found = qualified
    raise _unresolved(names, text, argument, PLACE_KINDS, found)


async def resolve_country(store: GraphStore, text: str, argument: str) -> NamedActor:
    """A country by ISO 3166-1 code ("RU"), id ("country:RU") or name ("Russia")."""
    return await resolve_actor(store, text, argument, kinds=("country",))
