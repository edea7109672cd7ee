"""The Strawberry schema: root Query (and later Mutation) assembled from the type modules."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.tools import merge_types
from strawberry.types import Info

from api.input_limits import InputLimits, literal_limits_rule
from api.schema.changes import ChangeQuery, Subscription
from api.schema.context import Context
from api.schema.direct import resolve_directly
from api.schema.discovery import DiscoveryQuery
from api.schema.engagements import EngagementQuery
from api.schema.errors import ErrorCodes
from api.schema.fast_completion import FastCompletion
from api.schema.mutations import Mutation
from api.schema.neighborhood import NeighborhoodQuery
from api.schema.operation import OperationName
from api.schema.parse_cache import ParsedDocuments, ParsedOnce
from api.schema.queries import LookupQuery
from api.schema.stats import StatsQuery
from api.schema.warnings import Warnings
from graph.settings import Settings

QUERY_CACHE_SIZE = 128  # documents; a hostile client sending unique ones only churns it


@strawberry.type
class ServerInfo:
    version: str = strawberry.field(description="Version of this API.")
    neo4j_version: str = strawberry.field(description="Version of the Neo4j server answering, read live.")


@strawberry.type
class Query:
    @strawberry.field(description="Which API and which Neo4j answer this request.")
    async def server_info(self, info: Info[Context, None]) -> ServerInfo:
        return ServerInfo(version=version("kg"), neo4j_version=await info.context.store.ping())


class QuietSchema(strawberry.Schema):
    """Strawberry logs every error with its stack trace; ours are the client's business, and
    unexpected ones are logged once where they are masked (api.schema.errors)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        return None


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the production switches of `settings`: query limits, introspection."""
    query = merge_types(
        "Query",
        (Query, EngagementQuery, LookupQuery, StatsQuery, DiscoveryQuery, NeighborhoodQuery, ChangeQuery),
    )
    # The limit rules are built once: a rule class made per request would never hit the validation cache.
    limits = [
        *QueryDepthLimiter(max_depth=settings.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
        literal_limits_rule(InputLimits.of(settings)),
    ]
    parsed = ParsedDocuments(QUERY_CACHE_SIZE)
    extensions: list[Any] = [
        OperationName,
        ErrorCodes,
        Warnings,
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        # Front-ends send the same few documents over and over; validating one costs more than a small
        # search does in Neo4j, and parsing it about as much as completing a small answer. (Strawberry's
        # ParserCache would raise the token limit's error past ErrorCodes: api/schema/parse_cache.py.)
        lambda: ParsedOnce(parsed),
        lambda: ValidationCache(maxsize=QUERY_CACHE_SIZE),
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    schema = QuietSchema(
        query=query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        execution_context_class=FastCompletion,
    )
    resolve_directly(schema)
    return schema
