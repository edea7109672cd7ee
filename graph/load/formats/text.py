"""A seed file's text in pieces and lines, checked as `read_text` checks a whole file.

Every format reads its file through `checked_text`, so a bad byte (not UTF-8, a control character) or a
file over KG_MAX_FILE_BYTES is reported with its line wherever it is, without holding the whole file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.load.reading import BOM, Unreadable, _too_big, control_message, unprintable
from graph.settings import DEFAULT_MAX_FILE_BYTES

CHUNK = 1 << 20
"""Bytes read at a time."""


class TooLarge(ValueError):
    """A record whose text is larger than KG_MAX_RECORD_BYTES."""


def checked_text(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES, digest: Any = None) -> Iterator[str]:
    """The file's text in pieces, checked as `read_text` checks a whole file; Unreadable at a bad byte."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Unreadable(_too_big(size, max_bytes))
        stream = path.open("rb")
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror or exc}") from None
    with stream:
        pending = b""
        line, byte_column, char_column = 1, 0, 0
        total = 0
        first = True
        while True:
            try:
                block = stream.read(CHUNK)
            except OSError as exc:
                raise Unreadable(f"cannot read the file: {exc.strerror or exc}") from None
            total += len(block)
            if total > max_bytes:
                raise Unreadable(_too_big(total, max_bytes))
            if digest is not None:
                digest.update(block)
            data = pending + block
            final = not block
            try:
                text = data.decode("utf-8")
                pending = b""
            except UnicodeDecodeError as exc:
                if not final and exc.reason == "unexpected end of data" and exc.end == len(data):
                    text, pending = data[: exc.start].decode("utf-8"), data[exc.start :]
                else:
                    before = data.rfind(b"\n", 0, exc.start)
                    column = exc.start - before if before >= 0 else byte_column + exc.start + 1
                    where = line + data.count(b"\n", 0, exc.start)
                    message = (
                        f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column} (a binary file?)"
                    )
                    raise Unreadable(message, where) from None
            if first:
                text = text.removeprefix(BOM)
                first = False
            if found := unprintable(text):
                bad_line, column, char = found
                column += char_column if bad_line == 1 else 0
                raise Unreadable(control_message(char, column), line + bad_line - 1)
            newlines = text.count("\n")
            if newlines:
                line += newlines
                char_column = len(text) - text.rfind("\n") - 1
            else:
                char_column += len(text)
            last = data.rfind(b"\n")
            byte_column = len(data) - len(pending) - last - 1 if last >= 0 else byte_column + len(data)
            if text:
                yield text
            if final:
                return


def split_lines(chunks: Iterable[str], limit: int) -> Iterator[str]:
    """Lines (with their ends) of a text given in pieces; TooLarge (its number) for a line over `limit`."""
    partial = ""
    number = 1
    for chunk in chunks:
        buffer = partial + chunk if partial else chunk
        start = 0
        while (end := buffer.find("\n", start)) >= 0:
            yield buffer[start : end + 1]
            start = end + 1
            number += 1
        partial = buffer[start:]
        if len(partial) > limit:
            raise TooLarge(str(number))
    if partial:
        yield partial
