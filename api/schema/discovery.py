"""Root fields for finding things: full-text search, names for search boxes, paths between actors."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.schema.nodes import Actor, Ctx
from api.schema.subgraph import Subgraph
from graph.errors import Location, ValidationFailed
from graph.read.lookup import SEARCH_KINDS, actors_by_ids, search
from graph.read.names import check_name, directory
from graph.read.paths import connections


@strawberry.type(description="A search hit: what matched, how well, and what it is.")
class SearchHit:
    kind: str
    id: strawberry.ID
    label: str
    score: float
    matched: str = strawberry.field(description="The name, title or quote that matched.")


@strawberry.type(description="An actor a typed name may mean, best first.")
class Candidate:
    actor: Actor
    score: float = strawberry.field(description="1.0 for an exact name or alias, less for near matches.")
    matched: str = strawberry.field(description="The name or alias that matched.")


@strawberry.type
class DiscoveryQuery:
    @strawberry.field(description="Ranked full-text search over names, aliases, titles and evidence quotes.")
    async def search(
        self, info: Ctx, text: str, kinds: list[str] | None = None, first: int = 10
    ) -> list[SearchHit]:
        wrong = [kind for kind in kinds or [] if kind not in SEARCH_KINDS]
        if wrong:
            raise ValidationFailed(
                f"kinds must be among {', '.join(SEARCH_KINDS)}", location=Location(field="kinds")
            )
        hits = await search(
            info.context.store, text, kinds or [], first, info.context.settings.max_search_terms
        )
        return [
            SearchHit(kind=h.kind, id=strawberry.ID(h.id), label=h.label, score=h.score, matched=h.matched)
            for h in hits
        ]

    @strawberry.field(
        description="Actors and places a typed name may mean, for a search box: tolerant of "
        "transliterations, Cyrillic and typos ('Lukashenko', 'Lukaschenko', 'Лукашенко')."
    )
    async def resolve(self, info: Ctx, name: str, first: int = 5) -> list[Candidate]:
        if not 1 <= first <= 50:
            raise ValidationFailed("first must be between 1 and 50", location=Location(field="first"))
        check_name(name, "name")
        names = await directory(info.context.store)
        exact = {actor.id for actor in names.exact(name)}
        hits = names.similar(name, first)
        ranked = sorted(hits, key=lambda hit: (hit[0].id not in exact, -hit[1], hit[0].name))[:first]
        props = await actors_by_ids(info.context.store, [actor.id for actor, _, _ in ranked])
        return [
            Candidate(actor=Actor.of(props[actor.id]), score=1.0 if actor.id in exact else s, matched=matched)
            for actor, s, matched in ranked
            if actor.id in props
        ]

    @strawberry.field(
        description="Shortest paths between two actors (ids or names) through events, agreements, offices, "
        "at most `maxHops` (1 to 4) relationships long, as nodes and edges."
    )
    async def connections(
        self, info: Ctx, from_: Annotated[str, strawberry.argument(name="from")], to: str, max_hops: int = 4
    ) -> Subgraph:
        return Subgraph.of(await connections(info.context.store, from_, to, max_hops))
