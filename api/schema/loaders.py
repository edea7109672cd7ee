"""Per-request DataLoaders: nested fields of many items are fetched in one round trip per field kind,
so a request's database round trips do not grow with the number of items it returns."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from strawberry.dataloader import DataLoader

from graph.read.engagements import political_side
from graph.read.filters import ResolvedEventFilter
from graph.read.links import Links, actor_links, agreement_links, event_links
from graph.read.lists import EventPageGroup, event_pages
from graph.read.lookup import actors_by_ids
from graph.read.names import directory
from graph.read.pages import Page, PageRequest
from graph.read.reports import FactReport, fact_reports, sources_by_ids
from graph.store import GraphStore


@dataclass(frozen=True)
class ActorEventsKey:
    actor: str
    kinds: tuple[str, ...]
    start: date | None
    end: date | None
    page: PageRequest
    links: frozenset[str] = frozenset()
    """The link fields selected on the events (read with the page, in the same round trip)."""
    props: frozenset[str] | None = None
    """The event properties the fields selected on the events read (None: all of them)."""


@dataclass(frozen=True)
class ReportsKey:
    fact: str
    as_of: datetime | None
    """None: the live reports; else those live at that moment."""


@dataclass(frozen=True)
class EventLinksKey:
    event: str
    wanted: frozenset[str] | None
    """The links the client selected (api/schema/selection.py); None: all of them."""


@dataclass
class Loaders:
    event_links: DataLoader[EventLinksKey, Links | None]
    actor_links: DataLoader[str, Links | None]
    agreement_links: DataLoader[str, Links | None]
    actor_events: DataLoader[ActorEventsKey, Page]
    reports: DataLoader[ReportsKey, list[FactReport]]
    sources: DataLoader[str, dict[str, Any] | None]
    actors: DataLoader[str, dict[str, Any] | None]


async def actor_event_pages(
    store: GraphStore, keys: list[ActorEventsKey], owner: str | None = None
) -> dict[ActorEventsKey, Page]:
    """The pages of the actors' events, one round trip per different set of arguments (one in practice);
    `owner`: an actor of `keys` whose properties its page brings along (Page.owner), so `actor(id)
    { events }` takes one round trip."""
    names = await directory(store)
    by_arguments: dict[tuple[object, ...], list[ActorEventsKey]] = defaultdict(list)
    for key in keys:
        by_arguments[(key.kinds, key.start, key.end, key.page, key.links, key.props)].append(key)
    pages: dict[ActorEventsKey, Page] = {}
    for same in by_arguments.values():
        first = same[0]
        kinds = list(first.kinds) or None
        filters = ResolvedEventFilter(kinds, first.start, first.end, None, None, None, None)
        groups = [
            EventPageGroup(
                key.actor,
                political_side(names.actors[key.actor], names) if key.actor in names.actors else [key.actor],
                key.actor,
                key.actor if key.actor == owner else None,
            )
            for key in same
        ]
        found = await event_pages(store, filters, groups, first.page, first.links, first.props)
        pages.update({key: found[key.actor] for key in same})
    return pages


def make_loaders(store: GraphStore) -> Loaders:
    async def load_event_links(keys: list[EventLinksKey]) -> list[Links | None]:
        """One query per different selection (one in practice: the events of a list share theirs)."""
        found: dict[EventLinksKey, Links | None] = {}
        for wanted in dict.fromkeys(key.wanted for key in keys):
            same = [key for key in keys if key.wanted == wanted]
            links = await event_links(store, [key.event for key in same], wanted)
            found.update(zip(same, links, strict=True))
        return [found[key] for key in keys]

    async def load_actor_links(ids: list[str]) -> list[Links | None]:
        return await actor_links(store, ids)

    async def load_agreement_links(ids: list[str]) -> list[Links | None]:
        return await agreement_links(store, ids)

    async def load_actor_events(keys: list[ActorEventsKey]) -> list[Page]:
        pages = await actor_event_pages(store, keys)
        return [pages[key] for key in keys]

    async def load_reports(keys: list[ReportsKey]) -> list[list[FactReport]]:
        found: dict[ReportsKey, list[FactReport]] = {}
        for as_of in dict.fromkeys(key.as_of for key in keys):  # one moment per request in practice
            ids = [key.fact for key in keys if key.as_of == as_of]
            found.update(
                {
                    ReportsKey(i, as_of): each
                    for i, each in zip(ids, await fact_reports(store, ids, as_of), strict=True)
                }
            )
        return [found[key] for key in keys]

    async def load_sources(ids: list[str]) -> list[dict[str, Any] | None]:
        return await sources_by_ids(store, ids)

    async def load_actors(ids: list[str]) -> list[dict[str, Any] | None]:
        found = await actors_by_ids(store, ids)
        return [found.get(each) for each in ids]

    return Loaders(
        event_links=DataLoader(load_fn=load_event_links),
        actor_links=DataLoader(load_fn=load_actor_links),
        agreement_links=DataLoader(load_fn=load_agreement_links),
        actor_events=DataLoader(load_fn=load_actor_events),
        reports=DataLoader(load_fn=load_reports),
        sources=DataLoader(load_fn=load_sources),
        actors=DataLoader(load_fn=load_actors),
    )
