"""What a client selected below a field, so the read path fetches only that (DESIGN: "links are fetched only
for the fields selected")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    InlineFragmentNode,
    SelectionNode,
    VariableValues,
    get_argument_values,
    get_named_type,
)
from strawberry.types.arguments import convert_arguments
from strawberry.types.base import get_object_definition
from strawberry.types.nodes import SelectedField, Selection, convert_selections

from graph.read.links import EVENT_LINKS, LOCATIONS
from graph.read.money import MONEY_PROPERTIES

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
    return names_below(info.selected_fields, *path)


def names_below(selected: list[Selection], *path: str) -> frozenset[str]:
    """`selected_below` of a field whose selections are `selected` (its `info.selected_fields`)."""
    level = list(_fields(selected))
    for name in path:
        level = [inner for field in level for inner in _fields(field.selections) if inner.name == name]
    return frozenset(inner.name for field in level for inner in _fields(field.selections))


def event_links_selected(info: Any, *path: str) -> frozenset[str]:
    """The link fields of the events at `path` below the field being resolved, and LOCATIONS when the
    location of their participants or places is selected."""
    links = selected_below(info, *path) & _EVENT_LINKS
    if ("places" in links and "location" in selected_below(info, *path, "places")) or (
        "participants" in links and "location" in selected_below(info, *path, "participants", "actor")
    ):
        return links | {LOCATIONS}
    return links


EVENT_PROPERTIES: dict[str, tuple[str, ...]] = {
    "id": (),
    "kind": (),
    "title": (),
    "summary": ("summary",),
    "content": ("content",),
    "startDate": ("start_date",),
    "endDate": ("end_date",),
    "datePrecision": ("date_precision",),
    "money": MONEY_PROPERTIES,
    "sourceCount": ("source_count",),
    "firstReported": ("first_reported",),
    "lastChanged": ("last_changed",),
    "disputes": ("disputes",),
    "reports": (),  # read by the fact's id
    "__typename": (),
    **{name: () for name in EVENT_LINKS},  # read by the event's id, with the page or by a loader
}
"""The stored properties each field of Event reads (api/schema/nodes.py, Event.of and Reported)."""
EVENT_ALWAYS = ("id", "kind", "title")
"""The properties every Event is built from, whatever is selected (Event.of requires them)."""


def event_props_selected(info: Any, *path: str) -> frozenset[str] | None:
    """The stored properties the events at `path` below the field being resolved need for the fields
    selected on them, so a page reads no long text the client did not ask for (summary, content); None
    (every property) when a field selected is not one `EVENT_PROPERTIES` knows."""
    selected = selected_below(info, *path)
    if not selected <= EVENT_PROPERTIES.keys():
        return None
    return frozenset(EVENT_ALWAYS).union(*(EVENT_PROPERTIES[name] for name in selected))


@dataclass(frozen=True)
class ChildField:
    """A field selected directly below the field being resolved, as its own resolver will see it: what
    `info.selected_fields` and the keyword arguments will be when it runs."""

    selected: list[Selection]
    arguments: dict[str, Any]

    def info(self, parent: Any) -> Any:
        """What the child's resolver reads of its `info` to plan its own fetch (its context and selected
        fields), seen from the parent's `info`."""
        return _ChildInfo(parent.context, self.selected)


@dataclass(frozen=True)
class _ChildInfo:
    context: Any
    selected_fields: list[Selection]


def child_fields(info: Any, owner: type, name: str) -> list[ChildField]:
    """Each selection of the field `name` of `owner` (a Strawberry type) directly below the field being
    resolved, one per response key (an alias is another), with its arguments converted as Strawberry
    converts them for the resolver. A resolver plans with it what a child needs, to fetch both in one round
    trip (`actor(id) { events }`). Empty when the selection is conditional (@skip, @include) or its
    arguments do not coerce: the child then fetches for itself, and reports its own errors."""
    raw = info._raw_info  # the graphql-core info: field nodes, fragments, variables
    parent = get_named_type(raw.return_type)
    definition = get_object_definition(owner)
    field = definition.get_field(name) if definition else None
    if not isinstance(parent, GraphQLObjectType) or name not in parent.fields or field is None:
        return []
    by_key: dict[str, list[FieldNode]] = {}
    try:
        for node in _child_nodes(raw, [n for f in raw.field_nodes for n in _selections(f)], name):
            by_key.setdefault((node.alias or node.name).value, []).append(node)
        variables = VariableValues(sources={}, coerced=dict(raw.variable_values))
        return [
            ChildField(
                convert_selections(raw, nodes),
                convert_arguments(
                    get_argument_values(parent.fields[name], nodes[0], variables),
                    field.arguments,
                    scalar_registry=info.schema.schema_converter.scalar_registry,
                    config=info.schema.config,
                ),
            )
            for nodes in by_key.values()
        ]
    except (_Conditional, GraphQLError):
        return []


class _Conditional(Exception):
    """A selection under @skip or @include: whether it runs is the executor's to say."""


def _selections(node: FieldNode | InlineFragmentNode) -> tuple[SelectionNode, ...]:
    return tuple(node.selection_set.selections) if node.selection_set else ()


def _child_nodes(raw: Any, selections: Iterable[SelectionNode], name: str) -> Iterator[FieldNode]:
    for node in selections:
        if isinstance(node, FieldNode):
            if node.name.value == name:
                if node.directives:
                    raise _Conditional
                yield node
        elif node.directives:
            raise _Conditional
        elif isinstance(node, InlineFragmentNode):
            yield from _child_nodes(raw, _selections(node), name)
        elif isinstance(node, FragmentSpreadNode):
            fragment = raw.fragments[node.name.value]
            yield from _child_nodes(raw, fragment.selection_set.selections, name)
