"""Source texts and the quotes taken from them: every quote must be found, word for word, in its source."""

from __future__ import annotations

from pathlib import Path


class SourceTexts:
    def __init__(self) -> None:
        self.paths: dict[str, Path | None] = {}
        """Each source's text file; None when its text is not in the repository (quotes go unchecked)."""
        self._cache: dict[Path, str] = {}

    def text(self, source_id: str) -> str | None:
        path = self.paths.get(source_id)
        if path is None:
            return None
        if path not in self._cache:
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[path] = path.read_text(encoding="utf-8")
        return self._cache[path]

    def span(self, source_id: str, quote: str) -> tuple[int, int] | None:
        """Where the quote starts and ends in the source text (first occurrence), or None without a text."""
        text = self.text(source_id)
        if text is None:
            return None
        start = text.find(quote)
        if start < 0:
            raise QuoteNotFound(_mismatch(source_id, self.paths[source_id], text, quote))
        return start, start + len(quote)


class QuoteNotFound(ValueError):
    pass


def _mismatch(source_id: str, path: Path | None, text: str, quote: str) -> str:
    matched = _longest_prefix_in(text, quote)
    where = f"the text of {source_id} ({path.name if path else '?'})"
    if matched < 8:
        return f"quote is not in {where}: not even its first words are"
    return (
        f"quote is not in {where}: it matches up to '{quote[max(0, matched - 30) : matched]}' "
        f"and then differs at '{quote[matched : matched + 30]}'"
    )


def _longest_prefix_in(text: str, quote: str) -> int:
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low
