"""A window over a JSON text given in pieces, so one record at a time is decoded, never the whole file.

Whitespace and punctuation are read by hand; each value by the standard library's decoder (C) from the
window. `json_records` walks the file's object and arrays with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from graph.load.formats.text import TooLarge
from graph.load.reading import _no_duplicates

_SPACE = re.compile(r"[ \t\n\r]*")


class BrokenJson(ValueError):
    """The decoder's complaint, and where in the file it is."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class JsonScanner:
    """A window over a JSON text given in pieces: whitespace and punctuation by hand, values by the standard
    decoder (C), at most about one record plus one piece of text in memory."""

    def __init__(self, chunks: Iterator[str], limit: int) -> None:
        self.chunks = chunks
        self.limit = limit
        self.buf = ""
        self.pos = 0
        self.line = 1
        """The line of buf[0]."""
        self.column = 0
        """Characters before buf[0] on its line."""
        self.eof = False
        self.start = 0
        """Where the value being decoded starts."""
        self.decoder = json.JSONDecoder(object_pairs_hook=_no_duplicates)

    def more(self) -> bool:
        if self.eof:
            return False
        if self.pos:
            dropped = self.buf[: self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self.line += newlines
                self.column = len(dropped) - dropped.rfind("\n") - 1
            else:
                self.column += len(dropped)
            self.buf = self.buf[self.pos :]
            self.start -= self.pos
            self.pos = 0
        chunk = next(self.chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def skip_space(self) -> bool:
        """Past whitespace; False at the end of the text."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return True
            if not self.more():
                return False

    def peek(self) -> str:
        return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def line_at(self, position: int | None = None) -> int:
        return self.line + self.buf.count("\n", 0, self.pos if position is None else position)

    def column_at(self, position: int | None = None) -> int:
        position = self.pos if position is None else position
        before = self.buf.rfind("\n", 0, position)
        return position - before if before >= 0 else self.column + position + 1

    def value(self) -> Any:
        while True:
            self.start = self.pos
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                window = len(self.buf) - self.start
                if not self.eof and window <= self.limit:
                    self.more()
                    continue
                if not self.eof and (
                    exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf) - 64
                ):
                    raise TooLarge from None
                raise BrokenJson(exc.msg, self.line_at(exc.pos), self.column_at(exc.pos)) from None
            if end == len(self.buf) and not self.eof:  # a number may go on in the next piece
                self.more()
                continue
            if end - self.start > self.limit:
                raise TooLarge
            self.pos = end
            return value

    def window(self) -> str:
        """The start of the value being decoded (to name a record)."""
        return self.buf[self.start : self.start + 4096]

    def last_text(self) -> tuple[str, int]:
        """The value being decoded, as far as the window goes, and its first line."""
        return self.buf[self.start : self.start + self.limit + 1], self.line_at(self.start)
