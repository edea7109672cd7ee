"""GeoJSON (RFC 7946): a FeatureCollection with a Point feature per engaged place."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from typing import Any

from api.exports.streaming import json_array_items
from graph.read.exports import EngagedPlace
from graph.read.money import MoneyValue


def money(value: MoneyValue) -> dict[str, Any]:
    return {
        "amount": str(value.amount),
        "currency": value.currency,
        "usd": float(value.usd) if value.usd is not None else None,
    }


def feature(place: EngagedPlace) -> dict[str, Any]:
    """A place without a known location keeps its feature, with a null geometry (RFC 7946, 3.2)."""
    location = place.location
    geometry = {"type": "Point", "coordinates": [location["lon"], location["lat"]]} if location else None
    total = place.contract_value
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": geometry,
        "properties": {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "iso_code": place.iso_code,
            "parent": place.parent,
            "event_count": len(place.events),
            "events": place.events,
            "contract_value": money(total) if total else None,
            "contract_values": [
                {"agreement": c.agreement, "title": c.title, **money(c.value)} for c in place.contracts
            ],
        },
    }


async def feature_collection(places: AsyncIterable[EngagedPlace]) -> AsyncIterator[str]:
    yield '{"type":"FeatureCollection","features":['
    async for piece in json_array_items(feature(place) async for place in places):
        yield piece
    yield "]}\n"
