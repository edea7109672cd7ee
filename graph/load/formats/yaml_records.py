"""Block-style YAML seed files read record by record: each piece `yaml_split` cuts is parsed alone.

A record is parsed by yaml-rs (fast); PyYAML explains what yaml-rs refuses (broken YAML, a field given
twice) and parses a top-level value that is not a list, to know its fields' lines. Seed files may not use
YAML aliases: a file holding one is refused (before any of its records is read, when it is small enough to
be checked whole).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the slower PyYAML path does the same
    yaml_rs = None  # type: ignore[assignment]

from graph.errors import Location, Problem
from graph.load.formats.common import BROKEN, WHOLE_FILE_LIMIT, Item, Reading, StopReading, record_id_label
from graph.load.formats.shape import Shape
from graph.load.formats.text import TooLarge, checked_text, split_lines
from graph.load.formats.yaml_split import yaml_sections
from graph.load.reading import TOP_LEVEL, RawFile, RecordLines, _refuse_aliases, _SeedYamlLoader, read_text


class YamlReading(Reading):
    """A block-style YAML file's top-level values and section items."""

    def items(self, shape: Shape) -> Iterator[Item]:
        if shape.star and shape.size <= WHOLE_FILE_LIMIT:
            # As a whole file: an alias anywhere refuses the file, before any of its records is read.
            text, _ = read_text(self.raw.path, self.max_file_bytes)
            if _refuse_aliases(self.raw, text):
                self.raw.known_lines = self.raw.lines_index()
                return
            del text
        keys_seen: set[str] = set()
        lines = enumerate(
            split_lines(checked_text(self.raw.path, self.max_file_bytes), self.limit * 2), start=1
        )
        try:
            for key, line, header, body in yaml_sections(lines, self):
                if key in keys_seen:
                    self.problem(f"the top-level key '{key}' is given twice", line, None, key)
                    for _ in body:
                        pass
                    continue
                keys_seen.add(key)
                if not self.wanted(key):
                    for _ in body:
                        pass
                    continue
                yield from self._section(key, line, header, body)
        except TooLarge as exc:
            self.too_large(self.limit * 2, int(str(exc)), "a line")
        except StopReading:
            return

    def _section(
        self, key: str, line: int, header: str, body: Iterator[tuple[int, str, bool, int]]
    ) -> Iterator[Item]:
        """A top-level key: its list's items one at a time, or (any other value) the whole value."""
        self.index[(key, TOP_LEVEL)] = RecordLines(line=line)
        for index, (start, text, is_item, size) in enumerate(body):
            if not is_item:
                value = self._value(key, line, header + text, size)
                if value is BROKEN:
                    return
                if isinstance(value, list) and value and key != "source":
                    for position, element in enumerate(value):
                        lines = self.raw.lines.get((key, position))
                        yield Item(key, position, element, lines.line if lines else line)
                else:
                    yield Item(key, None, value, line)
                return
            self.index.note(key, index, start)
            self.index.current = (key, index, text, start)
            if size > self.limit:
                self.too_large(size, start, record_id_label(f"{key}[{index}]", text))
            else:
                parsed = self._item(key, index, start, text)
                if parsed is not BROKEN:
                    yield Item(key, index, parsed, start, text)
        self.index.current = None

    def _value(self, key: str, line: int, text: str, size: int) -> Any:
        if size > self.limit:
            self.too_large(size, line, key)
            return BROKEN
        part = RawFile(self.raw.path, self.raw.name)
        if _has_alias(part, text, line - 1):
            self.raw.problems.extend(part.problems)
            raise StopReading
        data = _compose(part, text, line - 1)
        self.raw.problems.extend(part.problems)
        if part.problems:
            return BROKEN
        self.index.update(part.known_lines or {})
        return data.get(key) if isinstance(data, dict) else None

    def _item(self, key: str, index: int, start: int, text: str) -> Any:
        part = RawFile(self.raw.path, self.raw.name)
        if _has_alias(part, text, start - 1):
            self.raw.problems.extend(part.problems)
            raise StopReading
        if yaml_rs is not None:
            try:
                data = yaml_rs.loads(text, parse_datetime=False)
                return data[0] if isinstance(data, list) and data else None
            except yaml_rs.YAMLDecodeError as exc:
                fast_error: Exception | None = exc
        else:
            fast_error = None
        data = _compose(part, text, start - 1, key, index)
        if part.problems:
            self.raw.problems.extend(part.problems)
            return BROKEN
        if fast_error is not None:
            found = re.search(r"line (\d+)", str(fast_error))
            where = start + int(found.group(1)) - 1 if found else start
            self.problem(f"broken YAML: {str(fast_error).splitlines()[-1]}", where)
            return BROKEN
        return data[0] if isinstance(data, list) and data else None


def _has_alias(part: RawFile, text: str, offset: int) -> bool:
    if "*" not in text:
        return False
    try:
        for event in yaml.parse(text, Loader=_SeedYamlLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 + offset if event.start_mark else None
                message = f"a YAML alias (*{event.anchor}): seed files may not use them; write the value out"
                part.problems.append(Problem(Location(file=part.name, line=line), message))
                return True
    except yaml.YAMLError:
        return False
    return False


def _compose(part: RawFile, text: str, offset: int, key: str | None = None, index: int | None = None) -> Any:
    """PyYAML's parse of a piece of the file, with its lines (shifted by `offset`) and duplicate fields."""
    part.known_lines = {}
    loader = _SeedYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if isinstance(node, yaml.MappingNode):
            _note_top(part, node, offset)
        elif isinstance(node, yaml.SequenceNode) and key is not None and index is not None:
            for item in node.value[:1]:
                if isinstance(item, yaml.MappingNode):
                    _duplicate_fields(part, item, key, index, offset)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(file=part.name, line=mark.line + 1 + offset if mark else None)
        part.problems.append(Problem(where, f"broken YAML: {exc.problem or exc.context}"))
    except yaml.YAMLError as exc:
        part.problems.append(Problem(Location(file=part.name), f"broken YAML: {exc}"))
    finally:
        loader.dispose()
    return None


def _note_top(part: RawFile, root: yaml.MappingNode, offset: int) -> None:
    """Lines of a top-level key and its fields; of a flow list's records, and their duplicate fields."""
    for key_node, value_node in root.value:
        top = RecordLines(line=key_node.start_mark.line + 1 + offset)
        if isinstance(value_node, yaml.MappingNode):
            top.fields = {str(k.value): v.start_mark.line + 1 + offset for k, v in value_node.value}
        part.lines[(str(key_node.value), TOP_LEVEL)] = top
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                part.lines[(str(key_node.value), index)] = RecordLines(line=item.start_mark.line + 1 + offset)
                if isinstance(item, yaml.MappingNode):
                    _duplicate_fields(part, item, str(key_node.value), index, offset)


def _duplicate_fields(part: RawFile, item: yaml.MappingNode, key: str, index: int, offset: int) -> None:
    seen: set[str] = set()
    for field_key, _ in item.value:
        name = str(field_key.value)
        if name in seen:
            where = Location(part.name, f"{key}[{index}]", name, field_key.start_mark.line + 1 + offset)
            part.problems.append(Problem(where, f"field '{name}' is given twice"))
        seen.add(name)
