"""One index of actor names, exact and transliteration-aware: for the loader, the API and ingest."""

from graph.names.index import (
    CLOSE,
    MIN_FUZZY_LENGTH,
    SUGGEST,
    NameIndex,
    Similar,
    latin_key,
    normalise,
    search_words,
)

__all__ = [
    "CLOSE",
    "MIN_FUZZY_LENGTH",
    "SUGGEST",
    "NameIndex",
    "Similar",
    "latin_key",
    "normalise",
    "search_words",
]
