"""The flagship question: which regions of a country did an actor engage, when, with what contract values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.model.actors import SUBJECT_KINDS
from graph.read.money import MoneyValue, money_of, total
from graph.read.names import ActorDirectory, NamedActor, directory, resolve_actor, resolve_country
from graph.read.reports import facts_as_of, overlaps
from graph.store import GraphStore
from graph.values import dates_of

CHANNELS = ("visit", "agreement", "participation", "subject")
"""How a region is engaged: an event held there, an agreement it is a party to, an event it took part in,
an event about it."""
LINKS = {"visit": "IN_PLACE", "participation": "PARTICIPANT", "subject": "ABOUT"}
"""The relationship from an event to the region (or a city in it) that makes each event channel."""


@dataclass(frozen=True)
class RegionEngagement:
    region: dict[str, Any]
    events: list[dict[str, Any]]
    contract_value: MoneyValue | None
    contract_values: list[MoneyValue]
    event_channels: dict[str, list[str]] = field(default_factory=dict)
    """Per event id, the channels through which it engaged the region (CHANNELS order)."""
    agreement_count: int = 0

    @property
    def through(self) -> list[str]:
        """Every channel of the row, in CHANNELS order."""
        found = {channel for channels in self.event_channels.values() for channel in channels}
        if self.contract_values or self.agreement_count:
            found.add("agreement")
        return [channel for channel in CHANNELS if channel in found]

    @property
    def events_about(self) -> int:
        """How many of its events are about the region (or a city in it)."""
        return sum("subject" in channels for channels in self.event_channels.values())

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
    return sorted({country, actor.id, *names.members(country)})


def _checked(values: Sequence[str] | None, known: Sequence[str], argument: str) -> list[str] | None:
    """None (no narrowing) or the values, each known; an empty list narrows to nothing, so it is refused."""
    if values is None:
        return None
    unknown = [value for value in values if value not in known]
    if unknown or not values:
        said = f"unknown: {', '.join(unknown)}" if unknown else "an empty list keeps nothing"
        raise ValidationFailed(
            f"{argument}: {said}; give some of {', '.join(known)}, or leave it out for all",
            location=Location(field=argument),
        )
    return sorted(set(values), key=list(known).index)


async def region_engagements(
    store: GraphStore,
    actor: str,
    country: str,
    start: date | None,
    end: date | None,
    as_of: datetime | None = None,
    through: Sequence[str] | None = None,
    region_kinds: Sequence[str] | None = None,
) -> list[RegionEngagement]:
    """`through` keeps the links of those CHANNELS (None: all); `region_kinds` the regions of those federal
    subject kinds (None: any region)."""
    channels = _checked(through, CHANNELS, "through") or list(CHANNELS)
    kinds = _checked(region_kinds, SUBJECT_KINDS, "regionKinds")
    who = await resolve_actor(store, actor, "actor")
    where = await resolve_country(store, country, "country")
    side = political_side(who, await directory(store))
    bounds = {"from": None, "to": None} if as_of else {"from": start, "to": end}
    [answer] = await store.read(
        "read/region_engagements",
        side=side,
        country=where.id,
        links=[LINKS[channel] for channel in channels if channel in LINKS],
        with_agreements="agreement" in channels,
        subject_kinds=kinds,
        **bounds,
    )
    rows: list[dict[str, Any]] = answer["rows"]  # one map per region, in one record
    if as_of is not None:
        rows = await _as_of(store, rows, start, end, as_of)
    engagements = []
    for row in rows:
        if not row["events"] and not row["agreements"]:
            continue
        for agreement in row["agreements"]:  # ISO text from the query (asOf's is a date already)
            if isinstance(agreement.get("usd_rate_date"), str):
                agreement["usd_rate_date"] = date.fromisoformat(agreement["usd_rate_date"])
        values = [value for value in map(money_of, row["agreements"]) if value is not None]
        for event in row["events"]:
            dates_of(event)  # ISO text from the query (asOf's are dates already)
        events = sorted(row["events"], key=lambda e: (e.get("start_date") or date.max, e.get("title", "")))
        kept = {event["id"] for event in events}
        links = {
            item["id"]: [c for c in CHANNELS if LINKS.get(c) in item["links"]]
            for item in row["links"]
            if item["id"] in kept
        }
        engagements.append(
            RegionEngagement(row["region"], events, total(values), values, links, len(row["agreements"]))
        )
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
                "links": row["links"],
            }
        )
    return restricted
