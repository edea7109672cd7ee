"""Values an attacker or a careless client sends: of the right GraphQL type and of the wrong one.

Strings carry Lucene and Cypher syntax, NUL and other control characters, lone surrogates' neighbours,
right-to-left marks, many words (search terms) and very long runs; numbers sit on and past every boundary
(32-bit, 64-bit, 2^70, 1e400, NaN); dates are the calendar's ends, impossible days and text that only looks
like a date. Each value is plain JSON, so it can travel as a variable, or be printed as a GraphQL literal.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import graphql
from hypothesis import strategies as st

NASTY_STRINGS = [
    "",
    " ",
    "Minsk",
    "Минск",
    "Lukashenko",
    "country:BY",
    "person:roman-golovchenko",
    "event:2023-04-26-golovchenko-russian-regions-visit",
    # Lucene query syntax: operators, wildcards, ranges, fuzzy, boosts, fields, regexes, escapes
    "NOT Minsk",
    "Minsk AND Moscow OR NOT Kyiv",
    "*",
    "?",
    "Min*sk~0.5^10",
    "name:Minsk",
    "[a TO z]",
    "{* TO *}",
    "/.*/",
    '"unclosed',
    "((((((((((",
    "\\",
    '&& || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
    "a~999999",
    # Cypher and injection attempts
    "') MATCH (n) DETACH DELETE n //",
    "x' OR 1=1 --",
    "${jndi:ldap://127.0.0.1/a}",
    "{{7*7}}",
    "<script>alert(1)</script>",
    "%00%0a%0d",
    "../../../../etc/passwd",
    "/proc/self/environ",
    # Characters that break naive text handling
    "\x00",
    "Minsk\x00Moscow",
    "\x01\x02\x1b[31m\x7f",
    "\u202eksniM",
    "\ufeffMinsk",
    "\u200b\u200c\u200d",
    "e\u0301\u0301\u0301",
    "🇧🇾🇷🇺👨‍👩‍👧‍👦",
    "\U0010fffd",
    "\r\n\r\n",
    # Number- and date-shaped text
    "9999-12-31",
    "0001-01-01",
    "2023-02-29",
    "2023-13-01",
    "-0001-01-01",
    "+10000-01-01",
    "1e400",
    "NaN",
    "-Infinity",
    "0x10",
    "1_000",
]

LONG_STRINGS = [
    "a" * 10_000,
    "Minsk " * 300,  # many search terms
    " ".join(f"w{i}" for i in range(1_500)),
    "OR " * 500,
    "x" * 200_000,
    "Я" * 50_000,
]

HUGE_INTS = [
    0,
    -1,
    1,
    4,
    5,
    100,
    101,
    2**31 - 1,
    2**31,
    -(2**31) - 1,
    2**53 + 1,
    2**63,
    2**70,
    -(2**70),
    10**30,
]

ODD_FLOATS: list[Any] = [0.0, -0.0, 1e-320, 1e308, -1e308, 0.1, 123456789.123456789]

DATES = [
    "2023-04-27",
    "2023-01-01",
    "0001-01-01",
    "9999-12-31",
    "1970-01-01",
    "2023-02-29",
    "2024-02-29",
    "2023-04-31",
    "2023-00-10",
    "2023-4-7",
    "20230427",
    "2023-04-27T00:00:00",
    "2023-04-27T25:61:61Z",
    "2023-W17",
    "yesterday",
    "",
]

DECIMALS = [
    "0",
    "-0",
    "1300000000",
    "0.0125",
    "1e400",
    "-1e400",
    "1e-400",
    "NaN",
    "Infinity",
    "-Infinity",
    "sNaN",
    "1" * 400,
    "0." + "1" * 400,
    "12,5",
    "one",
    "",
]

ENUM_JUNK = ["VISIT", "visit", "Visit", "PERSON", "person", "DAY", "UNKNOWN", "", "__typename"]

WORDS = ["Minsk", "Moscow", "visit", "contract", "NOT", "OR", "AND", "Лукашенко", "a*", "b~", "(c)", "d:e"]
many_words = st.integers(1, 3_000).map(
    lambda n: " ".join(f"{WORDS[i % len(WORDS)]}{i // len(WORDS)}" for i in range(n))
)
nasty_text = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    many_words,
    st.sampled_from(LONG_STRINGS),
    st.text(max_size=40),
    st.lists(st.sampled_from(NASTY_STRINGS[8:24]), min_size=1, max_size=8).map(" ".join),
)
nasty_int = st.one_of(st.sampled_from(HUGE_INTS), st.integers(min_value=-(2**80), max_value=2**80))
nasty_float = st.one_of(st.sampled_from(ODD_FLOATS), st.floats(allow_nan=False, allow_infinity=False))
nasty_date = st.one_of(st.sampled_from(DATES), st.dates().map(lambda d: d.isoformat()))
nasty_decimal = st.one_of(
    st.sampled_from(DECIMALS),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.integers().map(str),
)


@functools.cache
def json_values(max_leaves: int = 6) -> st.SearchStrategy[Any]:
    """Any JSON: the wrong type for almost every argument."""
    scalars = st.one_of(st.none(), st.booleans(), nasty_int, nasty_float, nasty_text)
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["a", "id", "start", "x"]), inner)
        ),
        max_leaves=max_leaves,
    )


class EnumValue(str):
    """An enum value: a string in variables, a bare name in a literal."""


# What each scalar coerces from, with hostile contents: GraphQL Int is 32-bit, Float finite, Date ISO.
TYPED_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "String": nasty_text,
    "ID": nasty_text,
    "Int": st.one_of(
        st.sampled_from([n for n in HUGE_INTS if abs(n) < 2**31]), st.integers(-(2**31), 2**31 - 1)
    ),
    "Float": nasty_float,
    "Boolean": st.booleans(),
    "Date": st.one_of(st.sampled_from(DATES[:5]), st.dates().map(lambda d: d.isoformat())),
    "Decimal": st.one_of(
        st.sampled_from(DECIMALS[:7]), st.decimals(allow_nan=False, allow_infinity=False).map(str)
    ),
}
LOOSE_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "String": nasty_text,
    "ID": nasty_text,
    "Int": nasty_int,
    "Float": nasty_float,
    "Boolean": st.booleans(),
    "Date": nasty_date,
    "Decimal": nasty_decimal,
}


@functools.cache
def typed_value(type_: graphql.GraphQLInputType, depth: int = 0) -> st.SearchStrategy[Any]:
    """A value GraphQL accepts for `type_` (so resolvers run), with hostile contents."""
    if isinstance(type_, graphql.GraphQLNonNull):
        inner = type_.of_type
        if isinstance(inner, graphql.GraphQLList):
            return _typed_list(inner, depth)
        return _typed_named(inner, depth)
    value = (
        _typed_list(type_, depth) if isinstance(type_, graphql.GraphQLList) else _typed_named(type_, depth)
    )
    return st.one_of(st.none(), value)


def _typed_list(type_: graphql.GraphQLList[Any], depth: int) -> st.SearchStrategy[Any]:
    item = typed_value(type_.of_type, depth + 1)
    if graphql.get_named_type(type_).name == "String":
        long = st.lists(st.sampled_from(NASTY_STRINGS[:12]), min_size=100, max_size=300)
        return st.one_of(st.lists(item, max_size=4), long)
    return st.lists(item, max_size=4)


def _typed_named(type_: graphql.GraphQLNamedType, depth: int) -> st.SearchStrategy[Any]:
    if isinstance(type_, graphql.GraphQLInputObjectType):
        required = {n: typed_value(f.type, depth + 1) for n, f in type_.fields.items() if _required(f)}
        optional = {n: typed_value(f.type, depth + 1) for n, f in type_.fields.items() if not _required(f)}
        return st.fixed_dictionaries(required, optional=optional)
    if isinstance(type_, graphql.GraphQLEnumType):
        return st.sampled_from([EnumValue(name) for name in type_.values])
    return TYPED_SCALARS.get(type_.name, json_values())


def _required(field_: graphql.GraphQLInputField) -> bool:
    return graphql.is_non_null_type(field_.type) and field_.default_value is graphql.Undefined


@functools.cache
def loose_value(type_: graphql.GraphQLInputType, depth: int = 0) -> st.SearchStrategy[Any]:
    """A JSON value roughly of the shape of `type_`, often of the wrong type (and sometimes null)."""
    if isinstance(type_, graphql.GraphQLNonNull):
        return loose_value(type_.of_type, depth)
    if isinstance(type_, graphql.GraphQLList):
        item = loose_value(type_.of_type, depth + 1)
        # Long lists repeat a few short values: size comes from length here, and from long strings elsewhere.
        long = st.lists(st.sampled_from(NASTY_STRINGS[:12]), min_size=100, max_size=300)
        return st.one_of(st.none(), st.lists(item, max_size=4), long)
    if isinstance(type_, graphql.GraphQLInputObjectType):
        if depth > 4:
            return st.none()
        fields = {name: loose_value(field.type, depth + 1) for name, field in type_.fields.items()}
        return st.one_of(st.none(), st.fixed_dictionaries({}, optional=fields))
    if isinstance(type_, graphql.GraphQLEnumType):
        return st.one_of(st.sampled_from(list(type_.values)), st.sampled_from(ENUM_JUNK))
    scalar = LOOSE_SCALARS.get(getattr(type_, "name", ""), json_values())
    return st.one_of(st.none(), scalar, json_values())


def literal(value: Any) -> str:
    """`value` printed as a GraphQL literal (strings escaped as JSON escapes them, which GraphQL reads)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, EnumValue):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    return "{" + ", ".join(f"{key}: {literal(item)}" for key, item in value.items()) + "}"


# The boundary sweep: each argument of each root field in turn takes each of these, the others plain.
SWEEP_STRINGS = [
    "",
    " ",
    "NOT Minsk",
    "*",
    "[a TO z]",
    '"unclosed',
    "\\",
    "a~999999",
    "') MATCH (n) DETACH DELETE n //",
    "Minsk\x00Moscow",
    "\u202eksniM",
    "🇧🇾🇷🇺👨‍👩‍👧‍👦",
    "9999-12-31",
    " ".join(f"word{i}" for i in range(400)),
    *LONG_STRINGS,
]
SWEEP: dict[str, list[Any]] = {
    "String": SWEEP_STRINGS,
    "ID": SWEEP_STRINGS,
    "Int": [n for n in HUGE_INTS if abs(n) < 2**31],
    "Float": [*ODD_FLOATS, 1e300, -1e-300],
    "Date": DATES[:5],
    "Decimal": DECIMALS[:9],
}
PLAIN: dict[str, Any] = {
    "String": "Minsk",
    "ID": "country:BY",
    "Int": 1,
    "Float": 1.0,
    "Date": "2023-04-27",
    "Decimal": "1",
    "Boolean": True,
}


def plain_value(type_: graphql.GraphQLInputType) -> Any:
    """An ordinary value of `type_`, for the arguments the sweep is not probing."""
    if isinstance(type_, graphql.GraphQLNonNull):
        return plain_value(type_.of_type)
    if isinstance(type_, graphql.GraphQLList):
        return [plain_value(type_.of_type)]
    if isinstance(type_, graphql.GraphQLEnumType):
        return next(iter(type_.values))
    return PLAIN.get(getattr(type_, "name", ""))


def sweep_values(type_: graphql.GraphQLInputType) -> list[Any]:
    """The boundary values of `type_` (lists get each value alone, and one very long list)."""
    named = graphql.get_named_type(type_)
    values = SWEEP.get(named.name, [])
    if graphql.is_list_type(graphql.get_nullable_type(type_)):
        return [[value] for value in values] + [[PLAIN.get(named.name)] * 5_000] if values else []
    return values
