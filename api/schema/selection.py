"""What a client selected below a field, so the read path fetches only that (DESIGN: "links are fetched only
for the fields selected")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.types.nodes import SelectedField, Selection

from graph.read.links import EVENT_LINKS

_EVENT_LINKS = frozenset(EVENT_LINKS)  # Event's fields that read links are named as the query's columns


def _fields(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """The fields of a selection set, with those of its fragments (inline or spread) in their place."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        else:
            yield from _fields(selection.selections)


def selected_below(info: Any, *path: str) -> frozenset[str]:
    """The names of the fields selected at `path` below the field being resolved (for a connection of
    events: "edges", "node"), merged over every place the path is selected (aliases, fragments)."""
    level = list(_fields(info.selected_fields))
    for name in path:
        level = [inner for field in level for inner in _fields(field.selections) if inner.name == name]
    return frozenset(inner.name for field in level for inner in _fields(field.selections))


def event_links_selected(info: Any, *path: str) -> frozenset[str]:
    """The link fields of the events at `path` below the field being resolved."""
    return selected_below(info, *path) & _EVENT_LINKS
