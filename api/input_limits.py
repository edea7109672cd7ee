"""How large a GraphQL argument may be: the length of each string, of each list, and how deeply the
variables nest. Checked once for every request, before execution, in two places that share these rules:
the variables as the client sent them (api.request_guard) and the literals written in the document (a
validation rule). Resolvers never check sizes themselves.

A value over a limit is BAD_USER_INPUT naming where it sits, as the client wrote it: `input.summary`,
`input.evidence[2].quote` (the variable or argument name, then fields and indexes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    GraphQLError,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    ValidationContext,
    ValidationRule,
    ValueNode,
)

from graph.settings import Settings


@dataclass(frozen=True)
class InputLimits:
    max_string_length: int
    max_list_length: int
    max_depth: int

    @classmethod
    def of(cls, settings: Settings) -> InputLimits:
        return cls(settings.max_string_length, settings.max_list_length, settings.max_variable_depth)


@dataclass(frozen=True)
class OverLimit:
    """A value too large, where it sits (`argument`), and what is wrong with it."""

    argument: str
    message: str


def value_problem(value: Any, name: str, limits: InputLimits) -> OverLimit | None:
    """The first place in a JSON value (a variable) that is over a limit, or None. Iterative: a value
    nested 100,000 deep is refused, not a RecursionError."""
    stack: list[tuple[Any, str, int]] = [(value, name, 1)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, dict | list) and depth > limits.max_depth:
            return OverLimit(where, f"{where} nests more than {limits.max_depth} lists and objects deep")
        if isinstance(item, str):
            if problem := _string(item, where, limits):
                return problem
        elif isinstance(item, list):
            if problem := _list(len(item), where, limits):
                return problem
            # Pushed last to first, so the first problem found is the first in the value.
            stack.extend((item[i], f"{where}[{i}]", depth + 1) for i in reversed(range(len(item))))
        elif isinstance(item, dict):
            stack.extend((each, f"{where}.{key}", depth + 1) for key, each in reversed(list(item.items())))
    return None


def literal_problem(node: ValueNode, name: str, limits: InputLimits) -> OverLimit | None:
    """The same check for a value written in the document (`search(text: "...")`)."""
    stack: list[tuple[ValueNode, str]] = [(node, name)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, StringValueNode):
            if problem := _string(item.value, where, limits):
                return problem
        elif isinstance(item, ListValueNode):
            if problem := _list(len(item.values), where, limits):
                return problem
            values = item.values
            stack.extend((values[i], f"{where}[{i}]") for i in reversed(range(len(values))))
        elif isinstance(item, ObjectValueNode):
            stack.extend((field.value, f"{where}.{field.name.value}") for field in reversed(item.fields))
    return None


def _string(text: str, where: str, limits: InputLimits) -> OverLimit | None:
    if len(text) <= limits.max_string_length:
        return None
    return OverLimit(
        where, f"{where} is {len(text):,} characters long; at most {limits.max_string_length:,} are accepted"
    )


def _list(length: int, where: str, limits: InputLimits) -> OverLimit | None:
    if length <= limits.max_list_length:
        return None
    return OverLimit(where, f"{where} has {length:,} items; at most {limits.max_list_length:,} are accepted")


def literal_limits_rule(limits: InputLimits) -> type[ValidationRule]:
    """A validation rule refusing literal arguments over `limits` (variables are checked before parsing)."""

    class LiteralLimits(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)

        def enter_argument(self, node: ArgumentNode, *_: object) -> None:
            problem = literal_problem(node.value, node.name.value, limits)
            if problem:
                self.report_error(
                    GraphQLError(
                        problem.message,
                        node,
                        extensions={"code": "BAD_USER_INPUT", "argument": problem.argument},
                    )
                )

    return LiteralLimits
