"""What every resolver receives: the store, the settings, the caller's key, and per-request loaders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection
from strawberry.fastapi import BaseContext

from api.auth import caller_key
from api.change_feed import ChangeFeed
from api.deps import SettingsDep, StoreDep
from api.schema.loaders import Loaders, make_loaders
from graph.api_keys import ApiKey
from graph.errors import KgError
from graph.read.names import PlaceGuess, candidate
from graph.settings import Settings
from graph.store import GraphStore


@dataclass
class Context(BaseContext):
    store: GraphStore
    settings: Settings
    key: ApiKey | None = None
    key_error: KgError | None = None
    change_feed: ChangeFeed | None = None
    loaders: Loaders = field(init=False)
    warnings: list[dict[str, Any]] = field(init=False, default_factory=list)
    """Said back in the response's `extensions.warnings` (api.schema.warnings): best guesses taken."""

    def __post_init__(self) -> None:
        super().__init__()
        self.loaders = make_loaders(self.store)

    def warn_guesses(self, guesses: Iterable[PlaceGuess]) -> None:
        for guess in guesses:
            warning = {
                "code": "NAME_GUESSED",
                "argument": guess.argument,
                "message": guess.message,
                "chosen": candidate(guess.place),
                "others": [candidate(other) for other in guess.others],
            }
            if warning not in self.warnings:
                self.warnings.append(warning)


async def get_context(request: HTTPConnection, store: StoreDep, settings: SettingsDep) -> Context:
    """For a request or a WebSocket (subscriptions)."""
    feed: ChangeFeed | None = getattr(request.app.state, "change_feed", None)
    try:
        return Context(store=store, settings=settings, key=caller_key(request, settings), change_feed=feed)
    except KgError as exc:
        # Reported by the first resolver that needs the caller, so public queries still say why.
        return Context(store=store, settings=settings, key_error=exc, change_feed=feed)
