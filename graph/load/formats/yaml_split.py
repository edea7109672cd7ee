"""Block-style YAML split into its records as text, so each record is parsed alone.

In block style every top-level key is at column 0 and a section's records are its `- ` items, so the
lines alone tell where a record begins and ends; `yaml_records` parses each piece. The survey of the bytes
(`shape`) decides which files are in that style; any other YAML is parsed whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.load.formats.common import Reading

_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?\n?$", re.DOTALL)


def yaml_sections(
    lines: Iterator[tuple[int, str]], reading: Reading
) -> Iterator[tuple[str, int, str, Iterator[tuple[int, str, bool, int]]]]:
    """Each top-level key of a block-style YAML file: (key, its line, the rest of its line, its body), the
    body a stream of (first line, text, is a list item, size). A value that is not a block list comes as one
    piece; each list item as its own piece. The body must be consumed before the next key."""
    pending = next(lines, None)
    while pending is not None:
        number, line = pending
        pending = None
        if not line.strip() or line.startswith("#"):
            pending = next(lines, None)
            continue
        found = _TOP_KEY.match(line)
        if not found:
            reading.problem("broken YAML: a line at column 0 that is not a top-level key", number)
            return
        key, rest = found.group(1), (found.group(2) or "")
        inline = bool(rest) and not rest.startswith("#")
        header = f"{key}: {rest}\n" if inline else f"{key}:\n"
        section = _Section(lines, reading.limit)
        yield key, number, header, section.pieces(inline)
        pending = section.next_key


class _Section:
    """Splits one top-level key's body into pieces; leaves the next top-level line in `next_key`."""

    def __init__(self, lines: Iterator[tuple[int, str]], limit: int) -> None:
        self.lines = lines
        self.limit = limit
        self.next_key: tuple[int, str] | None = None

    def pieces(self, inline: bool) -> Iterator[tuple[int, str, bool, int]]:
        body: list[str] = []
        size = 0
        start = 0
        item_indent: int | None = None
        sequence = not inline
        gap: list[str | int] = []
        """Blank and comment lines not yet known to lie inside an item (between two items they are dropped);
        a run of them among an item's fields is a count of line breaks."""
        for number, line in self.lines:
            blank = not line.strip() or line.lstrip().startswith("#")
            if not blank and not line[0].isspace() and not line.startswith("-"):
                self.next_key = (number, line)
                break
            if blank:
                if not body:
                    continue
                indent = len(line) - len(line.lstrip(" "))
                if item_indent is not None and (indent <= item_indent + 2 or not line.strip()):
                    # a comment among an item's fields, not inside a block scalar: only its line break counts
                    if gap and isinstance(gap[-1], int):
                        gap[-1] += 1
                    else:
                        gap.append(1)
                elif len(gap) < 4096:
                    gap.append(line)
                continue
            indent = len(line) - len(line.lstrip(" "))
            stripped = line[indent:]
            starts_item = stripped.startswith("-") and stripped[1:2] in (" ", "\n", "\r", "")
            if sequence and item_indent is None:
                if starts_item and not body:
                    item_indent = indent
                else:
                    sequence = False
            if sequence and starts_item and indent == item_indent:
                if body:
                    yield start, _joined(body, size, self.limit), True, size
                body, size, start, gap = [line], len(line), number, []
                continue
            if not body:
                start = number
            for each in gap:
                text = "\n" * each if isinstance(each, int) else each
                size += len(text)
                if size <= self.limit:
                    body.append(text)
            gap = []
            size += len(line)
            if size <= self.limit:
                body.append(line)
        if body and sequence and item_indent is not None:
            yield start, _joined(body, size, self.limit), True, size
        else:
            yield start, _joined(body, size, self.limit), False, size


def _joined(body: list[str], size: int, limit: int) -> str:
    """A piece's text; only its start (enough to name the record) when it is over the limit."""
    return "".join(body) if size <= limit else "".join(body)[:4096]
