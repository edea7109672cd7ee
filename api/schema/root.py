"""The Strawberry schema: root Query (and later Mutation) assembled from the type modules."""

from __future__ import annotations

from importlib.metadata import version

import strawberry
from strawberry.types import Info

from api.schema.context import Context
from api.schema.errors import ErrorCodes


@strawberry.type
class ServerInfo:
    version: str = strawberry.field(description="Version of this API.")
    neo4j_version: str = strawberry.field(description="Version of the Neo4j server answering, read live.")


@strawberry.type
class Query:
    @strawberry.field(description="Which API and which Neo4j answer this request.")
    async def server_info(self, info: Info[Context, None]) -> ServerInfo:
        return ServerInfo(version=version("kg"), neo4j_version=await info.context.store.ping())


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query, extensions=[ErrorCodes])
