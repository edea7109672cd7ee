"""GraphQL requests built from the served schema (`api/schema.graphql`, which a test keeps equal to it).

A request picks root fields, gives their arguments hostile values (`values.py`) either as variables or as
inline literals, declares variables with the right type or a wrong one, selects a random part of what the
field returns (nesting as deep as the schema goes), and sometimes adds aliases and fields that do not exist.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

import graphql
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.fuzz.values import literal, loose_value, typed_value

SCHEMA = graphql.build_schema((REPO / "api" / "schema.graphql").read_text(encoding="utf-8"))
SCALAR_TYPES = ["String", "String!", "Int", "Int!", "Float", "ID!", "Date", "Decimal", "Boolean", "[String!]"]
UNKNOWN_FIELDS = ["password", "__schema", "nodes", "id_", "_id", "constructor", "__proto__"]


@dataclass
class Request:
    """What is sent as the JSON body of a POST to /graphql."""

    query: str
    variables: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {"query": self.query, "variables": self.variables}


class _Builder:
    """Draws one operation; `draw` is hypothesis's, so every choice shrinks."""

    def __init__(self, draw: st.DrawFn, typed: bool) -> None:
        self.draw = draw
        self.typed = typed
        self.declarations: list[str] = []
        self.variables: dict[str, Any] = {}

    def argument(self, arg_name: str, arg: graphql.GraphQLArgument) -> str:
        strategy = typed_value(arg.type) if self.typed else loose_value(arg.type)
        value = self.draw(strategy)
        if self.draw(st.booleans()):
            return f"{arg_name}: {literal(value)}"
        name = f"v{len(self.declarations)}"
        declared = str(arg.type)
        if not self.typed:
            declared = self.draw(st.sampled_from([declared, declared, *SCALAR_TYPES]))
        self.declarations.append(f"${name}: {declared}")
        if value is not None or self.draw(st.booleans()):
            self.variables[name] = value
        return f"{arg_name}: ${name}"

    def arguments(self, field_: graphql.GraphQLField) -> str:
        chosen = [
            self.argument(name, arg)
            for name, arg in field_.args.items()
            if graphql.is_non_null_type(arg.type) or self.draw(st.booleans())
        ]
        if not self.typed and self.draw(st.integers(0, 3)) == 0:
            chosen.append(f"{self.draw(st.sampled_from(['bogus', 'first', 'id']))}: 1")
        return f"({', '.join(chosen)})" if chosen else ""

    def selection(self, type_: graphql.GraphQLOutputType, depth: int) -> str:
        named = graphql.get_named_type(type_)
        if not isinstance(named, graphql.GraphQLObjectType):
            return ""
        names = sorted(named.fields)
        leaves = [n for n in names if graphql.is_leaf_type(graphql.get_named_type(named.fields[n].type))]
        breadth = 3 if depth < 3 else 1 if depth < 7 else 0
        picked = self.draw(st.lists(st.sampled_from(names), max_size=breadth, unique=True))
        parts = [self.draw(st.sampled_from(leaves or names))]
        for name in picked:
            alias = (
                f"{self.draw(st.sampled_from(string.ascii_lowercase))}{len(parts)}: "
                if (self.draw(st.integers(0, 4)) == 0)
                else ""
            )
            field_ = named.fields[name]
            parts.append(f"{alias}{name}{self.arguments(field_)} {self.selection(field_.type, depth + 1)}")
        if not self.typed and self.draw(st.integers(0, 3)) == 0:
            parts.append(self.draw(st.sampled_from(UNKNOWN_FIELDS)))
        return "{ " + " ".join(parts) + " }"

    def operation(self, root: graphql.GraphQLObjectType, keyword: str, fields: list[str]) -> Request:
        roots = self.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=2))
        copies = self.draw(st.sampled_from([1, 1, 1, 1, 1, 1, 2, 20]))  # many aliases of a field now and then
        parts = []
        for index, name in enumerate(roots * copies):
            field_ = root.fields[name]
            parts.append(f"r{index}: {name}{self.arguments(field_)} {self.selection(field_.type, 1)}")
        header = f"{keyword} Fuzz({', '.join(self.declarations)})" if self.declarations else keyword
        return Request(f"{header} {{ {' '.join(parts)} }}", self.variables)


@st.composite
def queries(draw: st.DrawFn, fields: list[str] | None = None) -> Request:
    """Three in four well typed, so resolvers run on hostile values; the rest of any type at all."""
    root = SCHEMA.query_type
    assert root is not None
    typed = draw(st.integers(0, 3)) > 0
    return _Builder(draw, typed).operation(root, "query", fields or sorted(root.fields))


@st.composite
def mutations(draw: st.DrawFn) -> Request:
    root = SCHEMA.mutation_type
    assert root is not None
    typed = draw(st.integers(0, 3)) > 0
    return _Builder(draw, typed).operation(root, "mutation", sorted(root.fields))
