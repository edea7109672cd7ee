"""Fields resolved without Strawberry's per-field wrapper, when they need nothing it does.

Strawberry resolves every field through a wrapper that builds its `Info`, converts its arguments and runs its
field extensions, and even a plain attribute goes through `StrawberryField.get_result`. A page of 100 events
with participants and places is about 1,800 fields, so the wrappers cost as much CPU as the rest of the
request's Python (benchmarks/peer_benchmark.py, BENCHMARKS.md). A field with no arguments and no field
extensions gets a direct resolver instead: a plain attribute is read with `getattr`, and a method taking only
`self` (and `info`) is called with the source (and an `Info` built for it). Fields with arguments keep
Strawberry's wrapper: their arguments are converted as before. The schema (its SDL) is unchanged.

A direct resolver that needs no `Info` and returns its value at once (an attribute, a plain method) also
carries how to read the field from its source alone (`PLAIN_READ`): api/schema/fast_completion.py completes
objects whose selection holds only such fields without graphql-core's per-field machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from graphql import GraphQLObjectType
from strawberry import Schema
from strawberry.types.field import StrawberryField

DEFINITION = "strawberry-definition"
"""Where Strawberry keeps a GraphQL field's StrawberryField (GraphQLCoreConverter.DEFINITION_BACKREF)."""
PLAIN_READ = "kg_plain_read"
"""The attribute of a direct resolver holding `read(source)`, when the field is read from its source alone,
synchronously, with no `Info`: the field's value, as the resolver would return it."""


PLAIN_ATTRIBUTE = "kg_plain_attribute"
"""The attribute of a direct resolver holding the name of the Python attribute it returns, when that is all
it does (`getattr(source, name)`)."""


def plain_attribute(resolver: Callable[..., Any]) -> str | None:
    """The attribute `resolver` returns as it is (`PLAIN_ATTRIBUTE`), if it does no more."""
    found: str | None = getattr(resolver, PLAIN_ATTRIBUTE, None)
    return found


def plain_read(resolver: Callable[..., Any]) -> Callable[[Any], Any] | None:
    """How to read the field `resolver` resolves from its source alone, if it is plain (`PLAIN_READ`)."""
    found: Callable[[Any], Any] | None = getattr(resolver, PLAIN_READ, None)
    return found


def resolve_directly(schema: Schema) -> int:
    """Give the fields of `schema` that need no wrapper a direct resolver; how many were given one."""
    changed = 0
    for gql_type in schema._schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType) or gql_type.name.startswith("__"):
            continue
        if gql_type is schema._schema.subscription_type:
            continue
        for gql_field in gql_type.fields.values():
            field = (gql_field.extensions or {}).get(DEFINITION)
            resolver = _direct(schema, field) if isinstance(field, StrawberryField) else None
            if resolver is not None:
                gql_field.resolve = resolver
                changed += 1
    return changed


def _direct(schema: Schema, field: StrawberryField) -> Callable[..., Any] | None:
    if field.extensions or field.arguments:
        return None
    if field.base_resolver is None:
        read = schema.config.default_resolver
        name = field.python_name

        def attribute(source: Any, _info: Any) -> Any:
            return read(source, name)

        plain = attrgetter(name) if read is getattr else lambda source: read(source, name)
        setattr(attribute, PLAIN_READ, plain)
        if read is getattr:
            setattr(attribute, PLAIN_ATTRIBUTE, name)
        return attribute
    resolver = field.base_resolver
    if resolver.self_parameter is None or resolver.root_parameter or resolver.parent_parameter:
        return None
    if len(resolver.signature.parameters) != 1 + (resolver.info_parameter is not None):
        return None  # a parameter Strawberry fills in some other way
    method: Callable[..., Any] = resolver.wrapped_func  # type: ignore[assignment]
    if resolver.info_parameter is None:

        def call(source: Any, _info: Any) -> Any:
            return method(source)

        if not resolver.is_async:
            setattr(call, PLAIN_READ, method)
        return call
    info_name = resolver.info_parameter.name
    make_info = schema.config.info_class

    def call_with_info(source: Any, info: Any) -> Any:
        return method(source, **{info_name: make_info(_raw_info=info, _field=field)})

    return call_with_info
