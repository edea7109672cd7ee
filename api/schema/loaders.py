"""Per-request DataLoaders: nested fields of many items are fetched in one round trip per field kind,
so a request's database round trips do not grow with the number of items it returns."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from strawberry.dataloader import DataLoader

from graph.read.engagements import political_side
from graph.read.filters import ResolvedEventFilter
from graph.read.links import Links, actor_links, agreement_links, event_links
from graph.read.lists import EventPageGroup, event_pages
from graph.read.names import directory
from graph.read.pages import Page, PageRequest
from graph.store import GraphStore


@dataclass(frozen=True)
class ActorEventsKey:
    actor: str
    kinds: tuple[str, ...]
    start: date | None
    end: date | None
    page: PageRequest


@dataclass
class Loaders:
    event_links: DataLoader[str, Links | None]
    actor_links: DataLoader[str, Links | None]
    agreement_links: DataLoader[str, Links | None]
    actor_events: DataLoader[ActorEventsKey, Page]


def make_loaders(store: GraphStore) -> Loaders:
    async def load_event_links(ids: list[str]) -> list[Links | None]:
        return await event_links(store, ids)

    async def load_actor_links(ids: list[str]) -> list[Links | None]:
        return await actor_links(store, ids)

    async def load_agreement_links(ids: list[str]) -> list[Links | None]:
        return await agreement_links(store, ids)

    async def load_actor_events(keys: list[ActorEventsKey]) -> list[Page]:
        names = await directory(store)
        by_arguments: dict[tuple[object, ...], list[ActorEventsKey]] = defaultdict(list)
        for key in keys:
            by_arguments[(key.kinds, key.start, key.end, key.page)].append(key)
        pages: dict[ActorEventsKey, Page] = {}
        for same in by_arguments.values():
            first = same[0]
            filters = ResolvedEventFilter(
                list(first.kinds) or None, first.start, first.end, None, None, None, None
            )
            groups = [
                EventPageGroup(
                    key.actor,
                    political_side(names.actors[key.actor], names)
                    if key.actor in names.actors
                    else [key.actor],
                )
                for key in same
            ]
            found = await event_pages(store, filters, groups, first.page)
            pages.update({key: found[key.actor] for key in same})
        return [pages[key] for key in keys]

    return Loaders(
        event_links=DataLoader(load_fn=load_event_links),
        actor_links=DataLoader(load_fn=load_actor_links),
        agreement_links=DataLoader(load_fn=load_agreement_links),
        actor_events=DataLoader(load_fn=load_actor_events),
    )
