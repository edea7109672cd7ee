"""What every resolver receives: the store and, per request, its loaders."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from api.deps import StoreDep
from graph.store import GraphStore


@dataclass
class Context(BaseContext):
    store: GraphStore

    def __post_init__(self) -> None:
        super().__init__()


async def get_context(store: StoreDep) -> Context:
    return Context(store=store)
