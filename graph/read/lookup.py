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
    return found_node(kind, node_id, rows[0]["node"] if rows else None)


def found_node(kind: str, node_id: str, props: dict[str, Any] | None) -> dict[str, Any]:
    """`props`, the node of that kind and id another query read; NotFound (argument `id`) when it is None."""
    if props is None:
        raise NotFound(f"no {kind} with id '{node_id}'", location=Location(field="id"))
    return props


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    label: str
    score: float
    matched: str


def search_terms(text: str) -> list[str]:
    """The distinct words of `text`, lower-cased, in the order given.

    Lower case keeps Lucene's operators (AND, OR, NOT upper-case) words like any other; the index's
    analyser folds case anyway, so nothing is lost. Punctuation never reaches Lucene at all."""
    return list(dict.fromkeys(word.lower() for word in _TERM.findall(text)))


def lucene_query(terms: list[str]) -> str:
    """`terms` as a Lucene query: escaped (user text is data, never syntax), each word matched exactly or,
    from four letters on, within a small edit distance (transliteration, typos)."""
    escaped = [_LUCENE_SPECIAL.sub(r"\\\1", term) for term in terms]
    return " ".join(f"{term} OR {term}~1" if len(term) >= 4 else term for term in escaped)


def lucene_all_words(text: str) -> str | None:
    """A Lucene query that a document matches when it has every word of `text` (each exactly or, from four
    letters on, within a small edit distance); None when `text` has no words. Escaped as `lucene_query`."""
    terms = search_terms(text)
    if not terms:
        return None
    escaped = [_LUCENE_SPECIAL.sub(r"\\\1", term) for term in terms]
    return " AND ".join(f"({term} OR {term}~1)" if len(term) >= 4 else term for term in escaped)


async def search(
    store: GraphStore, text: str, kinds: list[str], first: int, max_terms: int
) -> list[SearchHit]:
    """Ranked hits for the words of `text`; at most `max_terms` distinct words, as each adds clauses
    (a fuzzy one expands to many) to a query Lucene caps, and memory Neo4j spends."""
    terms = search_terms(text)
    where = Location(field="text")
    if not terms:
        raise ValidationFailed("search text has no words to look for", location=where)
    if len(terms) > max_terms:
        raise ValidationFailed(
            f"search text has {len(terms)} different words; at most {max_terms} are looked for",
            location=where,
        )
    if not 1 <= first <= 100:
        raise ValidationFailed("first must be between 1 and 100", location=Location(field="first"))
    rows = await store.read("read/search", lucene=lucene_query(terms), kinds=kinds or None, limit=first)
    return [SearchHit(r["id"], r["kind"], r["label"], round(r["score"], 4), r["matched"]) for r in rows]


async def actors_by_ids(store: GraphStore, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {row["node"]["id"]: row["node"] for row in await store.read("read/actors_by_ids", ids=ids)}
