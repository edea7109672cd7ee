"""JSON seed files read element by element: the top-level object's keys, and each section array's elements.

The file is walked by hand with `JsonScanner` down to the elements of each section's array, each decoded
on its own. A file whose top level is not an object is read whole (`Reading.whole`). Broken JSON ends the
reading of the file, naming its line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.load.formats.common import Item, Reading, ReadWhole, StopReading, record_id_label
from graph.load.formats.json_scanner import BrokenJson, JsonScanner
from graph.load.formats.text import TooLarge, checked_text
from graph.load.reading import _DuplicateKey, _second_key_line


class JsonReading(Reading):
    """A JSON file's top-level values and section elements."""

    def items(self) -> Iterator[Item]:
        scanner = JsonScanner(checked_text(self.raw.path, self.max_file_bytes), self.limit)
        try:
            yield from self._object(scanner)
        except ReadWhole:
            yield from self.whole(self.raw.path.stat().st_size)
        except StopReading:
            return

    def _object(self, scan: JsonScanner) -> Iterator[Item]:
        if not scan.skip_space():
            return  # an empty file: no records
        if scan.peek() != "{":
            raise ReadWhole
        scan.pos += 1
        seen: set[str] = set()
        first = True
        while True:
            scan.skip_space()
            if scan.peek() == "}" and first:
                scan.pos += 1
                break
            key_line = scan.line_at()
            key = self._value(scan, None, "a key")
            if not isinstance(key, str):
                self._broken(scan, "Expecting property name enclosed in double quotes")
            if key in seen:
                self.problem(f"the key '{key}' is given twice in one object", key_line, None, key)
                raise StopReading
            seen.add(key)
            scan.skip_space()
            self._expect(scan, ":", "Expecting ':' delimiter")
            scan.skip_space()
            if scan.peek() == "[" and key != "source":
                scan.pos += 1
                yield from self._array(scan, key)
            else:
                value = self._value(scan, key, key)
                if self.wanted(key):
                    yield Item(key, None, value, None)
            scan.skip_space()
            first = False
            if scan.peek() == ",":
                scan.pos += 1
                continue
            self._expect(scan, "}", "Expecting ',' delimiter")
            break
        if scan.skip_space():
            self._broken(scan, "Extra data")

    def _array(self, scan: JsonScanner, key: str) -> Iterator[Item]:
        index = 0
        scan.skip_space()
        if scan.peek() == "]":
            scan.pos += 1
            if self.wanted(key):
                yield Item(key, None, [], None)
            return
        while True:
            scan.skip_space()
            label = f"{key}[{index}]"
            value = self._value(scan, key, label)
            if self.wanted(key):
                yield Item(key, index, value, None)
            index += 1
            scan.skip_space()
            if scan.peek() == ",":
                scan.pos += 1
                continue
            self._expect(scan, "]", "Expecting ',' delimiter")
            return

    def _value(self, scan: JsonScanner, key: str | None, label: str) -> Any:
        try:
            return scan.value()
        except BrokenJson as exc:
            self.problem(f"broken JSON: {exc.message} (column {exc.column})", exc.line)
        except _DuplicateKey as exc:
            record_id = dict(exc.pairs).get("id")
            record = record_id if isinstance(record_id, str) else None
            text, first_line = scan.last_text()
            line = _second_key_line(text, exc)
            where = first_line + line - 1 if line else None
            self.problem(f"the key '{exc.key}' is given twice in one object", where, record, exc.key)
        except RecursionError:
            message = "broken JSON: nested too deeply (seed records need a few levels, not hundreds)"
            self.problem(message, None)
        except TooLarge:
            record = record_id_label(label, scan.window())
            self.too_large(self.limit, scan.line_at(scan.start), record)
        raise StopReading

    def _expect(self, scan: JsonScanner, char: str, message: str) -> None:
        if scan.peek() != char:
            self._broken(scan, message)
        scan.pos += 1

    def _broken(self, scan: JsonScanner, message: str) -> None:
        self.problem(f"broken JSON: {message} (column {scan.column_at()})", scan.line_at())
        raise StopReading
