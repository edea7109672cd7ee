"""CSV seed files (actors, one a row) read one row at a time.

A row is an actor record; the header names its columns (`CSV_COLUMNS`). A row larger than
KG_MAX_RECORD_BYTES is refused naming its line, and the reading goes on with the next row; a line that long,
or broken CSV, ends the reading of the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from graph.load.formats.common import Item, Reading
from graph.load.formats.text import TooLarge, checked_text, split_lines
from graph.load.reading import _csv_actor, csv_header_problem


class CsvReading(Reading):
    """A CSV file's rows, each an item of `actors`."""

    def items(self) -> Iterator[Item]:
        lines = split_lines(checked_text(self.raw.path, self.max_file_bytes), self.limit)
        csv.field_size_limit(
            max(csv.field_size_limit(), self.limit)
        )  # the record limit is the one that counts
        reader = csv.reader(lines)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            self.problem(f"broken CSV: {exc}", 1)
            return
        except TooLarge:
            self.too_large(self.limit, 1, "the header")
            return
        columns = set(header)
        if wrong := csv_header_problem(columns):
            self.problem(wrong, 1)
            return
        index = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except TooLarge as exc:
                self.too_large(self.limit, int(str(exc)), f"actors[{index}]")
                break
            except csv.Error as exc:
                self.problem(f"broken CSV: {exc}", reader.line_num)
                break
            if not cells:
                continue
            row: dict[str | None, Any] = dict(zip(header, cells, strict=False))
            for missing_column in header[len(cells) :]:
                row[missing_column] = None
            if len(cells) > len(header):
                row[None] = cells[len(header) :]
            line = reader.line_num
            self.index.note("actors", index, line)
            if sum(map(len, cells)) > self.limit:
                record_id = row.get("id")
                label = f"actors[{index}] {record_id}" if record_id else f"actors[{index}]"
                self.too_large(sum(map(len, cells)), line, label)
                index += 1
                continue
            extra = row.get(None)
            if extra:
                label = f"actors[{index}] {row['id']}" if row.get("id") else f"actors[{index}]"
                message = (
                    f"{len(extra)} cell(s) more than the {len(columns)} columns of the header "
                    "(a comma inside a value must be quoted)"
                )
                self.problem(message, line, label)
            yield Item("actors", index, _csv_actor(row), line)  # type: ignore[arg-type]
            index += 1
