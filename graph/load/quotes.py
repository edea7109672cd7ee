"""Source texts and the quotes taken from them: every quote must be found, word for word, in its source."""

from __future__ import annotations

from pathlib import Path

from graph.load.reading import read_text
from graph.settings import DEFAULT_MAX_FILE_BYTES, MAX_TEXT_BYTES


class SourceTexts:
    def __init__(self, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> None:
        self.paths: dict[str, Path | None] = {}
        """Each source's text file; None when its text is not in the repository (quotes go unchecked)."""
        self.max_bytes = max_bytes
        self._cache: dict[Path, str] = {}

    def text(self, source_id: str) -> str | None:
        """The source's text; graph.load.reading.Unreadable when it is not UTF-8 text within the limit."""
        path = self.paths.get(source_id)
        if path is None:
            return None
        if path not in self._cache:
            if len(self._cache) > 64:
                self._cache.clear()
            limit = min(self.max_bytes, MAX_TEXT_BYTES)
            setting = "KG_MAX_FILE_BYTES" if limit == self.max_bytes else "for a source's text"
            self._cache[path] = read_text(path, limit, setting)[0]
        return self._cache[path]

    def span(self, source_id: str, quote: str) -> tuple[int, int] | None:
        """Where the quote starts and ends in the source text (first occurrence), or None without a text."""
        text = self.text(source_id)
        if text is None:
            return None
        start = text.find(quote)
        if start < 0:
            raise QuoteNotFound(_mismatch(source_id, self.paths[source_id]))
        return start, start + len(quote)


class QuoteNotFound(ValueError):
    pass


def _mismatch(source_id: str, path: Path | None) -> str:
    """Only that the quote is not there: how much of it matched would read the text out a guess at a time."""
    return (
        f"quote is not in the text of {source_id} ({path.name if path else '?'}): copy it character for "
        "character (curly quotes, apostrophes, dashes and spaces included)"
    )
