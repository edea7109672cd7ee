"""Alias lists without duplicates, and the one rule that keeps name resolution unambiguous.

Two spellings are the same name when they have the same words, ignoring case, punctuation and
diacritics (so Cyrillic yo, short i and short u, or Romanian s-comma, match their bare letters):
the loader's own normalisation (graph/load/names.py).
Across all reference and seed actors a name may belong to one actor only (FORMAT.md, "Names").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


def dedupe(name: str, aliases: Iterable[str]) -> list[str]:
    """Aliases in the given order, without blanks, without the name itself and without repeats."""
    seen = {name_key(name)}
    kept: list[str] = []
    for alias in aliases:
        key = name_key(alias)
        if alias and key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return kept


def names_of(actor: Mapping[str, Any]) -> list[str]:
    return [str(actor["name"]), *(str(a) for a in actor.get("aliases") or [])]


def collisions(actors: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Name key -> the ids of the several actors that use it (empty when every name is unique)."""
    owners: dict[str, list[str]] = {}
    for actor in actors:
        for key in {name_key(n) for n in names_of(actor)}:
            ids = owners.setdefault(key, [])
            if actor["id"] not in ids:
                ids.append(str(actor["id"]))
    return {key: ids for key, ids in sorted(owners.items()) if len(ids) > 1}
