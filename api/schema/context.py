"""What every resolver receives: the store, the settings, the caller's key, and per-request loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from strawberry.fastapi import BaseContext

from api.auth import caller_key
from api.deps import SettingsDep, StoreDep
from api.schema.loaders import Loaders, make_loaders
from graph.api_keys import ApiKey
from graph.errors import KgError
from graph.settings import Settings
from graph.store import GraphStore


@dataclass
class Context(BaseContext):
    store: GraphStore
    settings: Settings
    key: ApiKey | None = None
    key_error: KgError | None = None
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        super().__init__()
        self.loaders = make_loaders(self.store)


async def get_context(request: Request, store: StoreDep, settings: SettingsDep) -> Context:
    try:
        return Context(store=store, settings=settings, key=caller_key(request, settings))
    except KgError as exc:
        # Reported by the first resolver that needs the caller, so public queries still say why.
        return Context(store=store, settings=settings, key_error=exc)
