"""Single nodes by id, and the ranked full-text search."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.errors import Location, NotFound, ValidationFailed
from graph.store import GraphStore

SEARCH_KINDS = ("Actor", "Event", "Agreement", "Claim", "Source", "Office")
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_TERM = re.compile(r"\w+", re.UNICODE)


async def node_by_id(store: GraphStore, kind: str, node_id: str) -> dict[str, Any]:
    rows = await store.read(f"read/{kind}_by_id", id=node_id)
    if not rows:
        raise NotFound(f"no {kind} with id '{node_id}'", location=Location(field="id"))
    node: dict[str, Any] = rows[0]["node"]
    return node


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    label: str
    score: float
    matched: str


def lucene_query(text: str) -> str:
    """The words of `text` as a Lucene query: escaped (user text is data, never syntax), each word
    matched exactly or, from four letters on, within a small edit distance (transliteration, typos)."""
    terms = [_LUCENE_SPECIAL.sub(r"\\\1", word) for word in _TERM.findall(text)]
    return " ".join(f"{term} OR {term}~1" if len(term) >= 4 else term for term in terms)


async def search(store: GraphStore, text: str, kinds: list[str], first: int) -> list[SearchHit]:
    query = lucene_query(text)
    if not query:
        raise ValidationFailed("search text has no words to look for", location=Location(field="text"))
    if not 1 <= first <= 100:
        raise ValidationFailed("first must be between 1 and 100", location=Location(field="first"))
    rows = await store.read("read/search", lucene=query, kinds=kinds or None, limit=first)
    return [SearchHit(r["id"], r["kind"], r["label"], round(r["score"], 4), r["matched"]) for r in rows]


async def actors_by_ids(store: GraphStore, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {row["node"]["id"]: row["node"] for row in await store.read("read/actors_by_ids", ids=ids)}
