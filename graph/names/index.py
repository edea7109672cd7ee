"""Names to actor ids: one index for the loader, the API and `kg ingest`.

Every actor is found by its name and aliases **exactly** after `normalise` (case, accents and diacritics,
quotes and punctuation do not count: "Лукашэнка" and "лукашенка", "Belarus'" and "Belarus" are one key), and
**approximately** through `latin_key`, the normalised name written in Latin letters (graph/names/translit.py),
so "Лукашенко", "Lukashenko" and "Lukashenka" are a letter apart and "Головченко" is "golovchenko".
Fuzzy scores are rapidfuzz's WRatio of two Latin keys, as 0..1.

The cut-offs, one set for every caller:
- `SUGGEST` (0.70): "did you mean" hints (the loader's unknown names, the API's `resolve` and its errors).
  Low enough to catch a typo or another transliteration in a name of a few letters ("Lukaschenko"), and
  hints are only offered, never taken.
- `CLOSE` (0.88): a *new* actor whose name is this close to a known actor's name or alias of the same kind
  is a candidate for review (`actor_candidates`). Scored with the plain edit ratio of the whole names, not
  WRatio: WRatio rewards a shared word or a name inside another ("Minsk" in "Minsk Region" 0.90, two
  "... вобласць" 0.85), which for hints is help and for "is this the same actor" is noise. Transliteration
  variants score 0.9 and up ("Lukashenko"/"Lukashenka" 0.90, "Vladimir Poutine"/"Vladimir Putin" 0.93).
- `MIN_FUZZY_LENGTH` (4): shorter names and codes ("RU", "EU", "ЕС") match exactly only; one changed letter
  in them is another name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

from rapidfuzz import fuzz, process

from graph.names.translit import to_cyrillic, to_latin
from graph.spill import SpillMap

SUGGEST = 0.70
CLOSE = 0.88
MIN_FUZZY_LENGTH = 4
CANDIDATES = 5
"""Known actors a new actor's name is compared closely with (`actor_candidates`), at most."""

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65_536)
def normalise(name: str) -> str:
    """The exact-match key: case-folded, without diacritics, punctuation or quotes, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


@lru_cache(maxsize=65_536)
def latin_key(name: str) -> str:
    """The fuzzy-match key: the normalised name in Latin letters (Cyrillic transliterated, -> lost)."""
    return _NOT_WORD.sub(" ", to_latin(normalise(name)).replace("-", "")).strip()


def search_words(name: str) -> list[str]:
    """The words to look a name up by in a full-text index of names stored as written, in any script: each
    word as typed, in Latin letters ("Лукашенко" finds "Lukashenko") and, for a word typed in Latin letters,
    in Cyrillic ("Golovchenko" finds "Головченко"). Normalised, so no search syntax survives in them."""
    typed = normalise(name).split()
    latin = latin_key(name).split()
    cyrillic = [to_cyrillic(word) for word in typed if word.isascii() and word.isalpha()]
    return list(dict.fromkeys([*typed, *latin, *cyrillic]))


@dataclass(frozen=True)
class Similar:
    id: str
    score: float
    """0..1 (1 for an exact key)."""
    matched: str
    """The name or alias that came closest, as the actor writes it."""


@dataclass
class NameIndex:
    """Where the names live: in the loader's index (`spilling`) each map is a `SpillMap` (graph/spill.py), a
    dict until it holds SPILL_FROM entries and then a table in a temporary SQLite file, so the index of a load
    of a table of millions of actors keeps a fixed page cache instead of about 1.3 KB of Python objects per
    actor; a digest's stays in memory. The API's and `kg ingest`'s are plain dicts. On disk the fuzzy search
    reads the keys a page at a time (the same hits, in the same order, as one pass over them all), and
    nothing here mutates a value it read: a changed value is stored again."""

    display: MutableMapping[str, str] = field(default_factory=dict)
    """Each actor's canonical name, to show candidates."""
    kinds: MutableMapping[str, str] = field(default_factory=dict)
    aliases: MutableMapping[str, list[str]] = field(default_factory=dict)
    _ids: MutableMapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    _fuzzy: MutableMapping[str, dict[str, list[str]]] = field(default_factory=dict)
    """Latin key -> {actor id: the names it came from ("Lukashenko" and "Лукашенко" share one key)}."""
    _prefetched: dict[tuple[str, Callable[..., float], int, float], list[tuple[str, float]]] = field(
        default_factory=dict
    )

    @classmethod
    def spilling(cls) -> NameIndex:
        """The loader's index, whose maps move to disk past SPILL_FROM entries (a load may bring millions of
        actors). The API's and `kg ingest`'s are plain dicts: they answer queries and never hold a load."""
        return cls(SpillMap(), SpillMap(), SpillMap(), SpillMap(), SpillMap())

    @property
    def _on_disk(self) -> bool:
        return isinstance(self._fuzzy, SpillMap) and self._fuzzy.on_disk

    def _key_pages(self) -> Iterator[list[str]]:
        return cast(SpillMap[str, Any], self._fuzzy).key_pages()

    def add(
        self, actor_id: str, name: str, aliases: Iterable[str], kind: str = "", codes: Iterable[str] = ()
    ) -> None:
        """An actor by its name and aliases; `codes` (ISO codes) are exact names only."""
        aliases = list(aliases)
        if actor_id not in self.display:
            self.display[actor_id] = name
        given = [a for a in aliases if a]
        known = self.aliases.get(actor_id)
        if known is None or given:
            self.aliases[actor_id] = [*(known or ()), *given]
        if kind:
            self.kinds[actor_id] = kind
        names = [each for each in (name, *aliases) if each]
        for each in (*names, *(code for code in codes if code)):
            self._add_key(normalise(each), actor_id)
        for each in names:
            key = latin_key(each)
            if len(key) >= MIN_FUZZY_LENGTH:
                by_actor = self._fuzzy.get(key)
                if by_actor is None:
                    self._fuzzy[key] = {actor_id: [each]}
                    continue
                names_of = by_actor.setdefault(actor_id, [])
                if each not in names_of:
                    names_of.append(each)
                    if self._on_disk:
                        self._fuzzy[key] = by_actor

    def _add_key(self, key: str, actor_id: str) -> None:
        if not key:
            return
        known = self._ids.get(key)
        if known is None:
            self._ids[key] = actor_id
        elif isinstance(known, str):
            if known != actor_id:
                self._ids[key] = (known, actor_id)
        elif actor_id not in known:
            self._ids[key] = (*known, actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.display

    def shared(self) -> list[tuple[str, tuple[str, ...]]]:
        """Names (normalised) that several actors answer to: referring to one of them by it is an error."""
        return sorted((key, ids) for key, ids in self._ids.items() if isinstance(ids, tuple))

    def candidates(self, name: str) -> tuple[str, ...]:
        """The ids whose name, alias or code is `name` exactly (after `normalise`)."""
        known = self._ids.get(normalise(name), ())
        return (known,) if isinstance(known, str) else known

    def similar(
        self,
        name: str,
        limit: int = 3,
        kinds: Iterable[str] = (),
        cutoff: float = SUGGEST,
        scorer: Callable[..., float] = fuzz.WRatio,
    ) -> list[Similar]:
        """The actors whose names come closest to `name` (of `kinds`, if given), best first."""
        wanted = frozenset(kinds)
        key = latin_key(name)
        typed = normalise(name)
        if not key:
            return []
        best: dict[str, Similar] = {}
        for found, value in self._closest_keys(key, scorer, limit * 4, cutoff):
            for actor_id, names in self._fuzzy[found].items():
                if wanted and self.kinds.get(actor_id) not in wanted:
                    continue
                matched = next((each for each in names if normalise(each) == typed), names[0])
                score = round(value / 100, 3)
                if actor_id not in best or score > best[actor_id].score:
                    best[actor_id] = Similar(actor_id, score, matched)
        ranked = sorted(best.values(), key=lambda hit: (-hit.score, self.display.get(hit.id, ""), hit.id))
        return ranked[:limit]

    def actor_candidates(
        self, name: str, kind: str, aliases: Iterable[str] = (), exclude: Iterable[str] = ()
    ) -> list[tuple[str, float, str]]:
        """Known actors a *new* actor called `name` (or one of its aliases) may be: same kind, a name or alias
        at least CLOSE in any script. (actor id, score, why), best first; `exclude` the new actor's own id."""
        skip = set(exclude)
        found: dict[str, tuple[float, str]] = {}
        for own in (name, *aliases):
            exact = [i for i in self.candidates(own) if self.kinds.get(i, kind) == kind]
            hits = [Similar(i, 1.0, self._name_of(i, own)) for i in exact]
            hits += self.similar(own, limit=CANDIDATES, kinds=(kind,), cutoff=CLOSE, scorer=fuzz.ratio)
            for hit in hits:
                if hit.id in skip or (hit.id in found and found[hit.id][0] >= hit.score):
                    continue
                how = "the same name as" if hit.score == 1.0 else f"close ({hit.score:.2f}) to"
                found[hit.id] = (hit.score, f"'{own}' is {how} '{hit.matched}' of {self.describe(hit.id)}")
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
        return [(actor_id, score, why) for actor_id, (score, why) in ranked]

    def _closest_keys(
        self, key: str, scorer: Callable[..., float], limit: int, cutoff: float
    ) -> list[tuple[str, float]]:
        """The `limit` fuzzy keys closest to `key` (at least `cutoff`), best first, ties in key order: as
        rapidfuzz's `extract` over every key, a page of keys at a time when they are on disk."""
        ready = self._prefetched.get((key, scorer, limit, cutoff))
        if ready is not None:
            return ready
        if not self._on_disk:
            keys: Iterable[Iterable[str]] = [self._fuzzy.keys()]
        else:
            keys = self._key_pages()
        return self._scan(keys, [key], scorer, limit, cutoff)[key]

    @staticmethod
    def _scan(
        pages: Iterable[Iterable[str]],
        keys: Sequence[str],
        scorer: Callable[..., float],
        limit: int,
        cutoff: float,
    ) -> dict[str, list[tuple[str, float]]]:
        found: dict[str, list[tuple[float, int, str]]] = {key: [] for key in keys}
        offset = 0
        for page in pages:
            for key, hits in found.items():
                for choice, value, position in process.extract(
                    key, page, scorer=scorer, limit=limit, score_cutoff=cutoff * 100
                ):
                    hits.append((-value, offset + position, choice))
            offset += len(page)  # type: ignore[arg-type]
        return {
            key: [(choice, -value) for value, _, choice in sorted(hits)[:limit]]
            for key, hits in found.items()
        }

    @contextmanager
    def prefetched(
        self, names: Iterable[str], scorer: Callable[..., float], limit: int, cutoff: float
    ) -> Iterator[None]:
        """Within it, `similar(name, limit, cutoff=cutoff, scorer=scorer)` for these names reads the keys
        found in one pass over them all, not one pass per name: many names checked against an index on disk
        (`close_actors`) cost one read of its keys, not one per name. The hits are the same."""
        if not self._on_disk:
            yield
            return
        keys = sorted({latin_key(name) for name in names} - {""})
        self._prefetched = {
            (key, scorer, limit * 4, cutoff): hits
            for key, hits in self._scan(self._key_pages(), keys, scorer, limit * 4, cutoff).items()
        }
        try:
            yield
        finally:
            self._prefetched = {}

    def _name_of(self, actor_id: str, text: str) -> str:
        """The actor's name or alias that `text` is (after `normalise`), as the actor writes it: every such
        name has the Latin key of `text`, so it is in that key's entry."""
        key = normalise(text)
        by_actor: dict[str, list[str]] = self._fuzzy.get(latin_key(text), {})
        for each in by_actor.get(actor_id, ()):
            if normalise(each) == key:
                return each
        return text

    def describe(self, actor_id: str) -> str:
        name = self.display.get(actor_id)
        return f"{actor_id} ({name})" if name else actor_id
