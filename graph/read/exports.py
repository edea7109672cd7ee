"""What the exports stream: events, the places they engaged, and the graph around them.

Each takes the filters of `events` (resolved once, before anything is streamed) and yields items as the
database sends them, so an export of the whole graph never sits in memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from graph.read.filters import ResolvedEventFilter
from graph.read.money import MoneyValue, money_of, total
from graph.read.subgraph import GraphEdge, GraphNode, edge_of, node_of
from graph.store import GraphStore

EVENT_COLUMNS = (
    "id",
    "kind",
    "title",
    "start_date",
    "end_date",
    "date_precision",
    "places",
    "participants",
    "trip",
    "links",
    "agreements",
    "summary",
    "content",
    "sources",
)
"""The fields of each exported event, in order; list fields hold several values."""


@dataclass(frozen=True)
class ContractValue:
    agreement: str
    title: str
    value: MoneyValue


@dataclass(frozen=True)
class EngagedPlace:
    id: str
    name: str
    kind: str
    iso_code: str | None
    location: dict[str, float] | None
    parent: str | None
    events: list[str]
    contracts: list[ContractValue]

    @property
    def contract_value(self) -> MoneyValue | None:
        """The contracts' total (in USD when currencies differ); None when no value was reported."""
        return total([contract.value for contract in self.contracts])


def _params(filters: ResolvedEventFilter) -> dict[str, Any]:
    return {**filters.params(), "side": filters.side}


async def events(store: GraphStore, filters: ResolvedEventFilter) -> AsyncIterator[dict[str, Any]]:
    """One dict per event, keys as EVENT_COLUMNS, in date order."""
    async for row in store.stream("export_events", **_params(filters)):
        yield {column: _sorted(row[column]) for column in EVENT_COLUMNS}


def _sorted(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


async def places(store: GraphStore, filters: ResolvedEventFilter) -> AsyncIterator[EngagedPlace]:
    async for row in store.stream("export_places", **_params(filters)):
        contracts = [
            ContractValue(agreement["id"], agreement.get("title", agreement["id"]), value)
            for agreement in row["agreements"]
            if (value := money_of(agreement)) is not None
        ]
        yield EngagedPlace(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            iso_code=row["iso_code"],
            location=row["location"],
            parent=row["parent"],
            events=row["events"],
            contracts=contracts,
        )


async def graph_nodes(store: GraphStore, filters: ResolvedEventFilter) -> AsyncIterator[GraphNode]:
    async for row in store.stream("export_graph_nodes", **_params(filters)):
        yield node_of(row)


async def graph_edges(store: GraphStore, filters: ResolvedEventFilter) -> AsyncIterator[GraphEdge]:
    """The relationships among the nodes graph_nodes yields for the same filters."""
    async for row in store.stream("export_graph_edges", **_params(filters)):
        yield edge_of(row)
