"""Tells the request's log line and metrics which GraphQL operation ran (api.observability)."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from api.request_info import current_request


class OperationName(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        info = current_request.get()
        if info is not None:
            info.graphql = True
            info.operation = self.execution_context.operation_name
