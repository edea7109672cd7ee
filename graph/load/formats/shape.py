"""The first pass over a seed file's bytes: check them, hash them, and see whether YAML is in block style.

It runs before any record is read, so a bad byte is reported wherever it is, the file's SHA-256 is known
for the load's record, and `graph.load.items` knows whether YAML can be split at its items as text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from graph.errors import Location, Problem
from graph.load.formats.text import checked_text
from graph.load.reading import RawFile, Unreadable

_IRREGULAR = re.compile(r"(?m)^(?!$|[ #\r\n]|-(?:[ \r\n]|$)|[A-Za-z_][\w-]*[ \t]*:(?:[ \t\r\n]|$))")
"""A line at column 0 that is not blank, a comment, a top-level `key:` or a `- ` item: not block style."""
_ODD_BREAKS = re.compile("\r(?!\n)|[\u2028\u2029]")
"""Line breaks PyYAML counts that this splitter does not: such files are parsed whole."""


@dataclass
class Shape:
    """What the first pass over a file's bytes found."""

    sha256: str
    size: int
    block_style: bool
    star: bool
    """Whether a `*` appears anywhere (a YAML alias, perhaps)."""
    keys: list[str]
    """Top-level keys in the order they appear (YAML; JSON's are found while reading)."""


def survey_bytes(raw: RawFile, max_bytes: int) -> Shape | None:
    """The first pass: check the bytes, hash them, and see whether YAML is in block style. None (and a
    problem in `raw`) when the file is not readable text."""
    digest = hashlib.sha256()
    yaml_file = raw.path.suffix.lower() in (".yaml", ".yml")
    block_style = yaml_file
    keys: list[str] = []
    star = False
    carry = ""
    size = 0
    try:
        for text in checked_text(raw.path, max_bytes, digest):
            size += len(text)
            if not yaml_file:
                continue
            star = star or "*" in text
            joined = carry + text
            if block_style and (_IRREGULAR.search(joined) or _ODD_BREAKS.search(joined[:-1])):
                block_style = False
            keys.extend(match.group(1) for match in re.finditer(r"(?m)^([A-Za-z_][\w-]*)[ \t]*:", joined))
            cut = joined.rfind("\n")
            carry = joined[cut + 1 :][:200] if cut >= 0 else joined[:200]
            if carry and re.match(r"[A-Za-z_][\w-]*[ \t]*:", carry):
                keys.pop()  # found again with the rest of its line
    except Unreadable as exc:
        raw.known_lines = {}
        raw.problems.append(Problem(Location(file=raw.name, line=exc.line), str(exc)))
        return None
    return Shape(digest.hexdigest(), size, block_style, star, keys)
