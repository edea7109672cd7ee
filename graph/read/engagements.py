"""The flagship question: which regions of a country did an actor engage, when, with what contract values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from graph.read.money import MoneyValue, money_of, total
from graph.read.names import ActorDirectory, NamedActor, directory, resolve_actor, resolve_country
from graph.store import GraphStore


@dataclass(frozen=True)
class RegionEngagement:
    region: dict[str, Any]
    events: list[dict[str, Any]]
    contract_value: MoneyValue | None
    contract_values: list[MoneyValue]

    @property
    def rank(self) -> tuple[int, Decimal, str]:
        usd = self.contract_value.usd if self.contract_value else None
        return (0 if usd is not None else 1, -(usd or Decimal(0)), str(self.region["name"]))


def political_side(actor: NamedActor, names: ActorDirectory) -> list[str]:
    """The actors that act for `actor` when analysts say it engaged someone.

    A country, or its government ("Minsk"), stands for the state: the country and every person and
    organisation that belongs to it. Anyone else stands for themselves.
    """
    country = actor.id if actor.kind == "country" else None
    if actor.kind == "organization" and actor.org_kind == "government":
        country = actor.country
    if country is None:
        return [actor.id]
    members = [
        a.id for a in names.actors.values() if a.country == country and a.kind in ("person", "organization")
    ]
    return sorted({country, actor.id, *members})


async def region_engagements(
    store: GraphStore, actor: str, country: str, start: date | None, end: date | None
) -> list[RegionEngagement]:
    who = await resolve_actor(store, actor, "actor")
    where = await resolve_country(store, country, "country")
    side = political_side(who, await directory(store))
    rows = await store.read(
        "read/region_engagements", side=side, country=where.id, **{"from": start, "to": end}
    )
    engagements = []
    for row in rows:
        values = [value for value in map(money_of, row["agreements"]) if value is not None]
        events = sorted(row["events"], key=lambda e: (e.get("start_date") or date.max, e.get("title", "")))
        engagements.append(RegionEngagement(row["region"], events, total(values), values))
    return sorted(engagements, key=lambda engagement: engagement.rank)
