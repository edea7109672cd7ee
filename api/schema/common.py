"""Small value types shared by the node types: points, money, sources, evidence, pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

import strawberry

from graph.read.money import MoneyValue
from graph.read.pages import Page

T = TypeVar("T")


@strawberry.type
class GeoPoint:
    lat: float
    lon: float

    @classmethod
    def of(cls, value: dict[str, float] | None) -> GeoPoint | None:
        return cls(lat=value["lat"], lon=value["lon"]) if value else None


@strawberry.type(description="An amount in a currency; `usd` is its value in US dollars when known.")
class Money:
    amount: Decimal
    currency: str
    usd: Decimal | None
    usd_rate: Decimal | None
    usd_rate_date: date | None

    @classmethod
    def of(cls, value: MoneyValue) -> Money:
        return cls(
            amount=value.amount,
            currency=value.currency,
            usd=value.usd,
            usd_rate=value.usd_rate,
            usd_rate_date=value.usd_rate_date,
        )


@strawberry.type(description="A digest: where facts come from.")
class Source:
    id: strawberry.ID
    title: str
    section: str | None
    publisher: str | None
    url: str | None
    period_start: date | None
    period_end: date | None
    language: str | None
    status_label: str | None

    @classmethod
    def of(cls, props: dict[str, Any]) -> Source:
        return cls(
            id=strawberry.ID(props["id"]),
            title=props.get("title", props["id"]),
            section=props.get("section"),
            publisher=props.get("publisher"),
            url=props.get("url"),
            period_start=props.get("period_start"),
            period_end=props.get("period_end"),
            language=props.get("language"),
            status_label=props.get("status_label"),
        )


@strawberry.type(description="Who says so, and in which words: the exact passage of a source.")
class Evidence:
    quote: str
    start: int | None = strawberry.field(description="Character offset of the quote in the source text.")
    end: int | None
    source: Source

    @classmethod
    def all_of(cls, items: list[dict[str, Any]]) -> list[Evidence]:
        ordered = sorted(items, key=lambda item: (item["source"]["id"], item.get("start") or 0))
        return [
            cls(
                quote=item["quote"],
                start=item.get("start"),
                end=item.get("end"),
                source=Source.of(item["source"]),
            )
            for item in ordered
        ]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A Relay connection: a page of items with opaque keyset cursors.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def wants_total(info: Any) -> bool:
    """Whether the connection being resolved has `totalCount` among its selected fields."""
    return any(
        getattr(selection, "name", None) == "totalCount"
        for field in info.selected_fields
        for selection in field.selections
    )


def connection(page: Page, make: Any) -> Any:
    """A Connection of `make(props)` nodes (typed by the caller's annotation)."""
    edges = [Edge(cursor=cursor, node=make(props)) for cursor, props in page.items]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total_count=page.total)
