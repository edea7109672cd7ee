"""The flagship question: which regions of a country did an actor engage, when, with what contract values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from graph.read.money import MoneyValue, money_of, total
from graph.read.names import ActorDirectory, NamedActor, directory, resolve_actor, resolve_country
from graph.read.reports import facts_as_of, overlaps
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
    store: GraphStore,
    actor: str,
    country: str,
    start: date | None,
    end: date | None,
    as_of: datetime | None = None,
) -> list[RegionEngagement]:
    who = await resolve_actor(store, actor, "actor")
    where = await resolve_country(store, country, "country")
    side = political_side(who, await directory(store))
    bounds = {"from": None, "to": None} if as_of else {"from": start, "to": end}
    rows = await store.read("read/region_engagements", side=side, country=where.id, **bounds)
    if as_of is not None:
        rows = await _as_of(store, rows, start, end, as_of)
    engagements = []
    for row in rows:
        if not row["events"] and not row["agreements"]:
            continue
        values = [value for value in map(money_of, row["agreements"]) if value is not None]
        events = sorted(row["events"], key=lambda e: (e.get("start_date") or date.max, e.get("title", "")))
        engagements.append(RegionEngagement(row["region"], events, total(values), values))
    return sorted(engagements, key=lambda engagement: engagement.rank)


async def _as_of(
    store: GraphStore, rows: list[dict[str, Any]], start: date | None, end: date | None, as_of: datetime
) -> list[dict[str, Any]]:
    """Today's engagements restricted to the events and agreements with a report live at `as_of`, with
    their fields (dates, contract values) as those reports stated them, and the date bounds applied to
    those. The links walked (who took part, where, which trip, which parties) are today's: a link added
    by a later report of a fact that existed then counts (approximate); a fact whose every report has
    been retracted since is missing (approximate)."""
    event_ids = sorted({e["id"] for row in rows for e in row["events"]})
    agreement_ids = sorted({g["id"] for row in rows for g in row["agreements"]})
    events = await facts_as_of(store, "event", as_of, event_ids)
    agreements = await facts_as_of(store, "agreement", as_of, agreement_ids)
    restricted = []
    for row in rows:
        then = [events[e["id"]].props for e in row["events"] if e["id"] in events]
        signed = [agreements[g["id"]].props for g in row["agreements"] if g["id"] in agreements]
        restricted.append(
            {
                "region": row["region"],
                "events": [props for props in then if overlaps(props, start, end)],
                "agreements": [props for props in signed if overlaps(props, start, end)],
            }
        )
    return restricted
