"""Objects completed without graphql-core's per-field machinery, when their whole selection is plain fields.

The read path already fetches, in one statement, just what the client selected (api/schema/selection.py),
and builds the answer's objects from it. What is left is graphql-core completing them: for every field of
every object (about 1,800 for a page of 100 events) it builds a `Path` and an `Info`, looks up arguments,
calls the resolver, asks twice whether the value is awaitable, and walks `complete_value`'s type checks. A
profile of the page put that at about 40% of its CPU.

`FastCompletion` is the execution context (graphql-core's executor) the schema runs with. When it completes
an object, it first looks at the object's selection (the fields collected for that type and place in the
document, cached per request as graphql-core caches them): if every field below it, however deep, is a plain
field (`api.schema.direct.PLAIN_READ`: an attribute, or a method needing no `Info`, that returns its value
at once) or `__typename`, of object, list, scalar or enum type with no arguments, the selection is written
out as one function per object type (its code compiled once per process) that reads the fields and
serialises the leaves straight into the response's dict.
Fields that await, take arguments or need their `Info` (the root fields that query Neo4j, an actor's events,
an event's trip) run as before; the objects they return are completed fast in turn when their selection
allows.

Correctness never depends on the fast path: anything it does not handle exactly as graphql-core would (a
null where the schema allows none, a value that does not serialise, an exception; an interface or a union,
middleware, incremental delivery are not taken at all) makes it give up on that object, which is then
completed field by field the normal way, reporting errors with their paths as it always has. Plain fields
only read what their object holds (an event's participants are sorted and wrapped, nothing is fetched), so
reading them twice is harmless. tests/api/test_fast_completion.py runs
a battery of queries both ways and asserts identical answers.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from types import CodeType
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLString,
    Undefined,
    VariableNode,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.schema.direct import plain_attribute, plain_read

Complete = Callable[[Any], Any]
"""A compiled completion: the response value of a field's value (raises to give up)."""


class _GiveUp(Exception):
    """Something the fast path leaves to graphql-core, which reports it (a null where none may be, ...)."""


class FastCompletion(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing objects whose selection is all plain fields in one go."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        self.fast = manager is None or not manager.middlewares
        """Off when an extension wraps every resolver (middleware): each field must go through it."""
        self._plans: dict[tuple[GraphQLObjectType, int], tuple[FieldDetailsList, Complete | None]] = {}
        self._conditions: tuple[tuple[str, Any], ...] | None = None
        self.completed_fast = 0
        """Objects this request completed fast (their sub-objects included); for tests and profiles."""
        self.given_up = 0
        """Objects the fast path took on and handed back to graphql-core."""

    def collect_and_execute_subfields(
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if self.fast and position_context is None:
            complete = self._object_plan(return_type, field_details_list)
            if complete is not None:
                try:
                    completed = complete(result)
                except Exception:  # redone below, where it is reported with its path
                    self.given_up += 1
                else:
                    self.completed_fast += 1
                    return completed
        return super().collect_and_execute_subfields(
            return_type, field_details_list, path, result, position_context
        )

    def _object_plan(
        self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> Complete | None:
        """The compiled completion of an `object_type` selected by `field_details_list`; None when some
        field below it is not plain. Keyed, as graphql-core's own cache of collected fields, on the
        identity of the list, kept alive beside the plan; and across requests (`_shared_key`) on the
        document's nodes, which the parse cache hands out again with every request of the same text."""
        key = (object_type, id(field_details_list))
        cached = self._plans.get(key)
        if cached is not None:
            return cached[1]
        shared = self._shared_key(object_type, field_details_list)
        found = SHARED_PLANS.get(shared) if shared is not None else None
        if found is not None:
            plan = found[1]
        else:
            plan = self._compile_object(object_type, field_details_list)
            if shared is not None:
                SHARED_PLANS[shared] = (field_details_list, plan)
                while len(SHARED_PLANS) > SHARED_PLANS_MAX:
                    del SHARED_PLANS[next(iter(SHARED_PLANS))]
        self._plans[key] = (field_details_list, plan)
        return plan

    def _shared_key(self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList) -> Any:
        """What a plan depends on beyond this request: the object type, the field nodes it is selected by
        (kept alive by the cached entry, so their identities stay theirs), and the values of the variables
        that @skip and @include read in the document (which decide what is collected). None (not shared)
        under @defer or a fragment's own variables, which depend on more."""
        nodes = []
        for details in field_details_list:
            if details.defer_usage is not None or details.fragment_variable_values is not None:
                return None
            nodes.append(id(details.node))
        if self._conditions is None:
            self._conditions = _condition_values(self.operation, self.fragments, self.variable_values)
        return (object_type, tuple(nodes), self._conditions)

    def _compile_object(
        self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> Complete | None:
        if object_type.is_type_of is not None:
            return None  # an object type implementing an interface checks the value's type first
        grouped_field_set, new_defer_usages, _ = self.collect_subfields(object_type, field_details_list)
        if new_defer_usages:
            return None
        fields: list[_Field] = []
        for response_name, details in grouped_field_set.items():
            node = details[0].node
            name = node.name.value
            if name == "__typename":
                fields.append(_Field(response_name, None, None, None, _same, object_type.name))
                continue
            field = object_type.fields.get(name)
            if field is None or field.args or node.arguments or field.resolve is None:
                return None
            read = plain_read(field.resolve)
            complete = self._compile(field.type, details) if read is not None else None
            if read is None or complete is None:
                return None
            fields.append(_Field(response_name, read, plain_attribute(field.resolve), field.type, complete))
        return _generated(object_type.name, fields)

    def _compile(self, output_type: GraphQLOutputType, details: FieldDetailsList) -> Complete | None:
        """The completion of a field's value of `output_type`, as graphql-core's `complete_value` does it
        when nothing goes wrong."""
        if isinstance(output_type, GraphQLNonNull) and isinstance(output_type.of_type, GraphQLObjectType):
            return self._object_plan(output_type.of_type, details)  # which refuses None
        if isinstance(output_type, GraphQLNonNull):
            inner = self._compile(output_type.of_type, details)
            if inner is None:
                return None

            def non_null(value: Any) -> Any:
                completed = inner(value)
                if completed is None:
                    raise _GiveUp
                return completed

            return non_null
        if isinstance(output_type, GraphQLList):
            item = self._compile(output_type.of_type, details)
            if item is None:
                return None

            def complete_list(value: Any) -> Any:
                if value is None or value is Undefined:
                    return None
                if value.__class__ is not list and value.__class__ is not tuple:
                    raise _GiveUp  # another iterable, an exception, ...: graphql-core's to judge
                return [item(each) for each in value]

            return complete_list
        if isinstance(output_type, GraphQLObjectType):
            plan = self._object_plan(output_type, details)
            if plan is None:
                return None

            def complete_object(value: Any) -> Any:
                return None if value is None or value is Undefined else plan(value)

            return complete_object
        if isinstance(output_type, GraphQLEnumType):
            return _enum(output_type)
        if isinstance(output_type, GraphQLScalarType):
            return _scalar(output_type)
        return None  # an interface or a union: graphql-core resolves the runtime type


SHARED_PLANS: dict[Any, tuple[FieldDetailsList, Complete | None]] = {}
"""Plans by `FastCompletion._shared_key`, for every request of the process (the oldest go past the max)."""
SHARED_PLANS_MAX = 4096


def _condition_values(operation: Any, fragments: Any, variable_values: Any) -> tuple[tuple[str, Any], ...]:
    """The variables @skip and @include read anywhere in the operation and its fragments, with their values
    in this request."""
    names: set[str] = set()
    definitions = [getattr(fragment, "definition", fragment) for fragment in fragments.values()]
    pending = [operation.selection_set, *(definition.selection_set for definition in definitions)]
    while pending:
        selection_set = pending.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            for directive in selection.directives or ():
                if directive.name.value in ("skip", "include"):
                    for argument in directive.arguments or ():
                        if isinstance(argument.value, VariableNode):
                            names.add(argument.value.name.value)
            pending.append(getattr(selection, "selection_set", None))
    coerced = getattr(variable_values, "coerced", variable_values) or {}
    return tuple((name, repr(coerced.get(name, Undefined))) for name in sorted(names))


SAME_CLASS: dict[GraphQLScalarType, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}
"""graphql-core's own String, ID and Boolean return a value of these Python types as it is."""


@dataclass(frozen=True)
class _Field:
    """A plain field of an object's selection, ready to be written into its completion's code."""

    response_name: str
    read: Callable[[Any], Any] | None  # None: `constant`
    attribute: str | None  # what `read` returns, when it returns an attribute as it is
    output_type: GraphQLOutputType | None
    complete: Complete
    constant: Any = None


def _generated(type_name: str, fields: list[_Field]) -> Complete:
    """The completion of an object with `fields` as one function, written out field by field: a string,
    an ID or a Boolean already of its Python type is taken as it is, without a call; any other value goes
    through its field's `complete`. Refuses a None (a non-null position; a nullable one checks first) and an
    exception (graphql-core's error to raise)."""
    env: dict[str, Any] = {"GiveUp": _GiveUp}
    lines = ["def complete_object(value):", "    if value is None or isinstance(value, Exception):"]
    lines.append("        raise GiveUp")
    for i, field in enumerate(fields):
        env[f"complete{i}"], env[f"read{i}"], env[f"constant{i}"] = field.complete, field.read, field.constant
        if field.read is None:
            lines.append(f"    f{i} = constant{i}")
            continue
        attribute = field.attribute
        source = f"value.{attribute}" if attribute and _is_name(attribute) else f"read{i}(value)"
        scalar = field.output_type
        nullable = not isinstance(scalar, GraphQLNonNull)
        if isinstance(scalar, GraphQLNonNull):
            scalar = scalar.of_type
        same = SAME_CLASS.get(scalar) if isinstance(scalar, GraphQLScalarType) else None
        if same is None:
            lines.append(f"    f{i} = complete{i}({source})")
            continue
        lines.append(f"    f{i} = {source}")
        guard = f"f{i} is not None and " if nullable else ""
        lines.append(f"    if {guard}f{i}.__class__ is not {same.__name__}:")
        lines.append(f"        f{i} = complete{i}(f{i})")
    items = ", ".join(f"{field.response_name!r}: f{i}" for i, field in enumerate(fields))
    lines.append(f"    return {{{items}}}")
    exec(_code("\n".join(lines), type_name), env)
    generated: Complete = env["complete_object"]
    return generated


@lru_cache(maxsize=1024)
def _code(source: str, type_name: str) -> CodeType:
    """The compiled `source`: the same selection comes back with every request of the same document. The
    code holds only our names and the response names, which GraphQL's grammar keeps to [_A-Za-z0-9]."""
    return compile(source, f"<completion of {type_name}>", "exec")


def _is_name(attribute: str) -> bool:
    return attribute.isidentifier() and not keyword.iskeyword(attribute) and not attribute.startswith("__")


def _scalar(scalar: GraphQLScalarType) -> Complete:
    coerce = scalar.coerce_output_value
    same_class = SAME_CLASS.get(scalar)

    def complete_scalar(value: Any) -> Any:
        if value is None or value is Undefined:
            return None
        if value.__class__ is same_class:
            return value
        if isinstance(value, Exception):
            raise _GiveUp
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _GiveUp
        return coerced

    return complete_scalar


def _enum(enum_type: GraphQLEnumType) -> Complete:
    """Strawberry's enum types look the member's value up among theirs, one by one; the names of the
    members of its Python enum are worked out once here, by that same lookup."""
    coerce = enum_type.coerce_output_value
    wrapped: type[Enum] | None = getattr(enum_type, "wrapped_cls", None)
    names: dict[Any, Any] = {}
    if isinstance(wrapped, type) and issubclass(wrapped, Enum):
        for member in wrapped:
            try:
                names[member] = coerce(member)
            except Exception:  # left to the call below, which raises it again
                continue

    def complete_enum(value: Any) -> Any:
        if value is None or value is Undefined:
            return None
        if value.__class__ is wrapped and value in names:
            return names[value]
        if isinstance(value, Exception):
            raise _GiveUp
        coerced: Any = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _GiveUp
        return coerced

    return complete_enum


def _same(value: Any) -> Any:
    return value
