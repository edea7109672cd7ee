"""Names to ids: every actor's name and aliases, normalised (case, accents, punctuation) before matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65_536)
def normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


class NameIndex:
    def __init__(self) -> None:
        self._ids: dict[str, str | tuple[str, ...]] = {}
        self.display: dict[str, str] = {}
        """Each actor's canonical name, to show candidates."""

    def add(self, actor_id: str, name: str, aliases: list[str]) -> None:
        self.display[actor_id] = name
        for each in (name, *aliases):
            key = normalise(each)
            known = self._ids.get(key)
            if known is None:
                self._ids[key] = actor_id
            elif isinstance(known, str):
                if known != actor_id:
                    self._ids[key] = (known, actor_id)
            elif actor_id not in known:
                self._ids[key] = (*known, actor_id)

    def shared(self) -> list[tuple[str, tuple[str, ...]]]:
        """Names (normalised) that several actors answer to: referring to one of them by it is an error."""
        return sorted((key, ids) for key, ids in self._ids.items() if isinstance(ids, tuple))

    def candidates(self, name: str) -> tuple[str, ...]:
        known = self._ids.get(normalise(name), ())
        return (known,) if isinstance(known, str) else known

    def similar(self, name: str, limit: int = 3) -> list[str]:
        """Ids of the actors whose names come closest to `name`, for 'did you mean' hints."""
        matches = process.extract(normalise(name), self._ids.keys(), scorer=fuzz.WRatio, limit=limit * 2)
        ids: list[str] = []
        for key, score, _ in matches:
            if score < 70:
                continue
            for actor_id in self.candidates(key):
                if actor_id not in ids:
                    ids.append(actor_id)
        return ids[:limit]

    def describe(self, actor_id: str) -> str:
        name = self.display.get(actor_id)
        return f"{actor_id} ({name})" if name else actor_id
