"""Warnings said back with an answer, in the response's `extensions.warnings`: where a best guess was taken
for what the client wrote (a name that named no place exactly), so an answer is never silently about
something else than what was asked."""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension


class Warnings(SchemaExtension):
    def get_results(self) -> dict[str, Any]:
        warnings = getattr(self.execution_context.context, "warnings", None)
        return {"warnings": list(warnings)} if warnings else {}
