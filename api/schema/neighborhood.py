"""`neighborhood`: what surrounds a node, for a network view."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.schema.context import Context
from api.schema.subgraph import Subgraph
from graph.read.neighborhood import MAX_DEPTH, MAX_NODES, neighborhood


@strawberry.type
class NeighborhoodQuery:
    @strawberry.field(
        description=(
            f"The actors, events and agreements within `depth` hops (1 to {MAX_DEPTH}) of the node `id`. "
            "`kinds` (event kinds: visit, contract_signing, ...), `from` and `to` filter the events passed "
            f"through. At most {MAX_NODES} nodes; `truncated` tells when the cap cut the answer."
        )
    )
    async def neighborhood(
        self,
        info: Info[Context, None],
        id: strawberry.ID,
        depth: int = 1,
        kinds: list[str] | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> Subgraph:
        graph = await neighborhood(info.context.store, str(id), depth, kinds, from_, to)
        return Subgraph.of(graph)
