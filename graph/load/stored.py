"""What the graph already holds that a load's files use without defining it: ids and names.

Both are looked up in one batched query per load, through indexes, so the cost grows with the files and not
with the graph: ids by the uniqueness constraints (queries/load_known_ids.cypher), names through the
full-text index on names and aliases (queries/load_known_names.cypher). Lucene only proposes actors; what a
name means (exactly, or close enough for a hint or an actor candidate) is decided by the one name index
(graph/names), as for the names the files define.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.names import MIN_FUZZY_LENGTH, search_words

NAME_HITS = 10
"""Actors the full-text index proposes per name looked up: enough for a few namesakes and close spellings."""
MAX_WORDS = 12
"""Words of one name put in its query (a name is at most 500 characters; Lucene limits a query's clauses)."""


@dataclass(frozen=True, slots=True)
class StoredActor:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    iso_code: str | None = None


IdLookup = Callable[[list[str]], dict[str, str]]
"""Ids -> the kind of each the graph holds (the ones it does not hold left out)."""
NameLookup = Callable[[list[str]], list[StoredActor]]
"""Names -> the actors the graph holds that may answer to them (exactly or nearly, in any script)."""


def name_query(name: str) -> str | None:
    """The full-text query for actors whose name or an alias may be `name`: each word as written, in Latin
    letters ("Лукашенко" finds "Lukashenko") and a Latin word in Cyrillic ("Golovchenko" finds "Головченко";
    graph/names `search_words`), fuzzy from MIN_FUZZY_LENGTH letters (Lucene's edit distance, up to 2:
    "Lukashenka", "Лукашэнка"). Words are normalised, so no Lucene syntax survives in them."""
    words = search_words(name)[:MAX_WORDS]
    terms = " ".join(f"{word}~" if len(word) >= MIN_FUZZY_LENGTH else word for word in words)
    return f"name:({terms}) OR aliases:({terms})" if terms else None


def stored_actor(row: dict[str, object]) -> StoredActor:
    aliases = row.get("aliases") or []
    assert isinstance(aliases, list)
    iso_code = row.get("iso_code")
    return StoredActor(
        str(row["id"]),
        str(row["kind"]),
        str(row["name"]),
        tuple(str(alias) for alias in aliases),
        str(iso_code) if iso_code else None,
    )
