"""Malformed seed files, made from a good one: what a careless editor, a broken disk or an attacker produces.

`mutants(seed)` yields (what was done, file name, bytes), deterministically (a fixed seed): truncations, byte
flips, control characters, byte-order marks, deep nesting, wrong types, duplicate keys, huge numbers, aliases,
dropped and unknown fields, in YAML and JSON. Used by tests/graph/test_load_fuzz.py.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import yaml

Mutant = tuple[str, str, bytes]

WRONG_VALUES: list[Any] = [
    None,
    2**70,
    -(2**63) - 1,
    float("inf"),
    float("-inf"),
    float("nan"),
    1e308,
    "",
    " ",
    "x" * 2_000,
    "\u202e\u200b",
    [],
    {},
    [1, [2, [3]]],
    {"a": {"b": 1}},
    True,
    0,
    -1,
    "2023-02-30",
    "2023-13",
    "9999-12-31",
    "0001-01-01",
    {"start": "1000-01-01", "end": "2023-04-28"},
    "person:",
    "event:x y",
    "'}) MATCH (n) DETACH DELETE n //",
]
"""Values put where another was: wrong types, out-of-range and special numbers, dates far apart, ids that are
not."""
CONTROL = ["\0", "\x1b", "\x7f", "\x85", "\ufffe", "\x08"]


def mutants(seed_yaml: str, count: int, seed: int = 20261130) -> Iterator[Mutant]:
    """`count` mutants of the YAML seed file `seed_yaml` (its text), the same ones on every run."""
    rng = random.Random(seed)
    data = yaml.safe_load(seed_yaml)
    text_mutations: list[Callable[[random.Random, str], tuple[str, str]]] = [
        _truncate,
        _flip_byte,
        _control_character,
        _byte_order_mark,
        _duplicate_line,
        _drop_line,
        _reindent_line,
        _deep_nesting,
        _alias,
    ]
    for number in range(count):
        as_json = rng.random() < 0.3
        if rng.random() < 0.45:
            story, changed = _change_data(rng, data)
            if as_json:
                yield f"{number}: {story} (JSON)", f"m{number}.json", _json(changed, rng).encode()
            else:
                yield f"{number}: {story}", f"m{number}.yaml", _yaml(changed).encode()
            continue
        mutate = rng.choice(text_mutations)
        base = _json(data, rng) if as_json else seed_yaml
        story, text = mutate(rng, base)
        suffix = "json" if as_json else "yaml"
        encoded = text.encode("utf-8", "surrogatepass")
        if mutate is _flip_byte:
            position = rng.randrange(len(encoded))
            encoded = encoded[:position] + bytes([rng.randrange(256)]) + encoded[position + 1 :]
        yield f"{number}: {story} ({suffix})", f"m{number}.{suffix}", encoded


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def _json(data: Any, rng: random.Random) -> str:
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=2, default=str)
    if rng.random() < 0.3:  # a key given twice in one object
        lines = text.splitlines()
        keyed = [index for index, line in enumerate(lines) if line.strip().startswith('"') and ":" in line]
        if keyed:
            index = rng.choice(keyed)
            line = lines[index].rstrip(",")
            lines.insert(index, line + ",")
            text = "\n".join(lines)
    return text


def _truncate(rng: random.Random, text: str) -> tuple[str, str]:
    cut = rng.randrange(len(text))
    return f"cut at {cut}", text[:cut]


def _flip_byte(rng: random.Random, text: str) -> tuple[str, str]:
    return "a byte changed", text


def _control_character(rng: random.Random, text: str) -> tuple[str, str]:
    char = rng.choice(CONTROL)
    at = rng.randrange(len(text))
    return f"U+{ord(char):04X} at {at}", text[:at] + char + text[at:]


def _byte_order_mark(rng: random.Random, text: str) -> tuple[str, str]:
    if rng.random() < 0.5:
        return "a BOM first", "\ufeff" + text
    at = rng.randrange(len(text))
    return f"a BOM at {at}", text[:at] + "\ufeff" + text[at:]


def _duplicate_line(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    index = rng.randrange(len(lines))
    return f"line {index + 1} twice", "".join(lines[: index + 1] + lines[index:])


def _drop_line(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    index = rng.randrange(len(lines))
    return f"line {index + 1} dropped", "".join(lines[:index] + lines[index + 1 :])


def _reindent_line(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    index = rng.randrange(len(lines))
    shift = rng.choice([-4, -2, -1, 1, 2, 4])
    line = lines[index]
    lines[index] = " " * shift + line if shift > 0 else line[-shift:]
    return f"line {index + 1} indented by {shift}", "".join(lines)


def _deep_nesting(rng: random.Random, text: str) -> tuple[str, str]:
    depth = rng.choice([50, 300, 5_000, 100_000])
    nested = "[" * depth + "]" * depth if rng.random() < 0.5 else '{"a": ' * depth + "1" + "}" * depth
    marker = '"title": ' if text.lstrip().startswith("{") else "title: "
    at = text.find(marker)
    if at < 0:
        return f"nested {depth} deep at the end", text + nested
    end = text.find("\n", at)
    tail = "," if text[:end].rstrip().endswith(",") else ""
    return f"a title nested {depth} deep", text[: at + len(marker)] + nested + tail + text[end:]


def _alias(rng: random.Random, text: str) -> tuple[str, str]:
    if text.lstrip().startswith("{"):
        return "no aliases in JSON: a byte order mark instead", "\ufeff" + text
    laughs = ["x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 10)}]" for n in range(1, 8)]
    if rng.random() < 0.5:
        return "a billion laughs on top", "\n".join(laughs) + "\n" + text
    return "a title as an alias", text.replace("title: ", "title: &t ", 1).replace(
        "title: ", "title: *t #", 2
    )


def _change_data(rng: random.Random, data: Any) -> tuple[str, Any]:
    """A deep copy of `data` with one field given a wrong value, dropped, or an unknown one added."""
    changed = json.loads(json.dumps(data, default=str))
    paths = list(_paths(changed))
    path = rng.choice(paths)
    parent: Any = changed
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    roll = rng.random()
    where = ".".join(str(step) for step in path)
    if roll < 0.7:
        value = rng.choice(WRONG_VALUES)
        parent[last] = value
        return f"{where} = {_short(value)}", changed
    if roll < 0.85 and isinstance(parent, dict):
        del parent[last]
        return f"{where} dropped", changed
    if isinstance(parent, dict):
        parent["surprise"] = rng.choice(WRONG_VALUES)
        return f"{where[: where.rfind('.') + 1]}surprise added", changed
    parent.append(rng.choice(WRONG_VALUES))
    return f"{where} list grown", changed


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) < 40 else shown[:37] + "..."
