"""The flagship question: which regions of a country did an actor engage, when, with what contract values.

A region's events come as a page (date order, keyset cursors as in graph.read.pages) with their count: at a
million events the answer held tens of thousands of them. Exports read every event (no page asked).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.model.actors import SUBJECT_KINDS
from graph.read.money import MoneyValue, money_of, total
from graph.read.names import ActorDirectory, NamedActor, directory, resolve_actor, resolve_country
from graph.read.pages import Page, PageRequest, cursor_key, keyed_page_of
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
    events: Page
    """Its events in date order (start date, then id): the page asked for, or every one when none was
    asked; `events.total` counts them all."""
    contract_value: MoneyValue | None
    contract_values: list[MoneyValue]
    event_channels: list[str]
    """The channels (CHANNELS order) through which any of its events engaged the region."""
    events_about: int = 0
    """How many of its events are about the region (or a city in it): the subject channel."""
    agreement_count: int = 0

    @property
    def event_count(self) -> int:
        return self.events.total

    @property
    def through(self) -> list[str]:
        """Every channel of the row, in CHANNELS order."""
        found = set(self.event_channels)
        if self.contract_values or self.agreement_count:
            found.add("agreement")
        return [channel for channel in CHANNELS if channel in found]

    @property
    def rank(self) -> tuple[int, Decimal, str]:
        usd = self.contract_value.usd if self.contract_value else None
        return (0 if usd is not None else 1, -(usd or Decimal(0)), str(self.region["name"]))


def state_of(actor: NamedActor) -> str | None:
    """The country `actor` stands for when it is a state: a country, or its government ("Minsk")."""
    if actor.kind == "country":
        return actor.id
    if actor.kind == "organization" and actor.org_kind == "government":
        return actor.country
    return None


def political_side(actor: NamedActor, names: ActorDirectory) -> list[str]:
    """The actors that act for `actor` when analysts say it engaged someone.

    A country, or its government ("Minsk"), stands for the state: the country and every person and
    organisation that belongs to it (as queries/engaged_refresh.cypher writes each event's sides). Anyone
    else stands for themselves.
    """
    country = state_of(actor)
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
    page: PageRequest | None = None,
    walk: bool = False,
) -> list[RegionEngagement]:
    """`through` keeps the links of those CHANNELS (None: all); `region_kinds` the regions of those federal
    subject kinds (None: any region); `page` the page of each region's events (forward, in date order; None:
    every event). One round trip (two with `as_of`).

    A state's events between two dates are read from the ENGAGED links the loader keeps (an index seek per
    region: read/region_engagements); anything else (`as_of`, an open window, an actor that is not a
    state) walks the side's events (read/region_engagements_walk), as does `walk` (tests compare the two).
    Both give the same answer."""
    if page is not None and (page.backward or page.order != "date" or page.descending):
        raise ValueError("a region's events are paged forward in date order")
    channels = _checked(through, CHANNELS, "through") or list(CHANNELS)
    kinds = _checked(region_kinds, SUBJECT_KINDS, "regionKinds")
    who = await resolve_actor(store, actor, "actor")
    where = await resolve_country(store, country, "country")
    side = political_side(who, await directory(store))
    bounds = {"from": None, "to": None} if as_of else {"from": start, "to": end}
    cut = page if as_of is None else None  # asOf reads every event, restricts them, then pages here
    state = state_of(who)
    window = start is not None and end is not None and start <= end
    seek = not walk and state is not None and as_of is None and window
    [answer] = await store.read(
        "read/region_engagements" if seek else "read/region_engagements_walk",
        **({"side_country": state} if seek else {}),
        side=side,
        country=where.id,
        links=[LINKS[channel] for channel in channels if channel in LINKS],
        with_agreements="agreement" in channels,
        subject_kinds=kinds,
        after_key=cursor_key(cut.after, "date") if cut and cut.after else None,
        limit=cut.first + 1 if cut else None,
        **bounds,
    )
    rows: list[dict[str, Any]] = answer["rows"]  # one map per region, in one record
    for row in rows:
        for item in row["events"]:
            dates_of(item["node"])  # ISO text from the query
    if as_of is not None:
        rows = await _as_of(store, rows, start, end, as_of)
    engagements = []
    for row in rows:
        if not row["event_count"] and not row["agreements"]:
            continue
        for agreement in row["agreements"]:  # ISO text from the query (asOf's is a date already)
            if isinstance(agreement.get("usd_rate_date"), str):
                agreement["usd_rate_date"] = date.fromisoformat(agreement["usd_rate_date"])
        values = [value for value in map(money_of, row["agreements"]) if value is not None]
        events = _paged(row, page) if page is not None and cut is None else _page_of(row, page)
        link_types = set(row["event_links"])
        engagements.append(
            RegionEngagement(
                row["region"],
                events,
                total(values),
                values,
                [channel for channel in CHANNELS if LINKS.get(channel) in link_types],
                row["events_about"],
                len(row["agreements"]),
            )
        )
    return sorted(engagements, key=lambda engagement: engagement.rank)


def _page_of(row: dict[str, Any], page: PageRequest | None) -> Page:
    """The page the query cut (every event when no page was asked)."""
    request = page or PageRequest(first=len(row["events"]), after=None)
    return keyed_page_of({"total": row["event_count"], "page": row["events"]}, request)


def _paged(row: dict[str, Any], page: PageRequest) -> Page:
    """The page of every event the row holds (asOf reads them all, then pages here, as the query would)."""
    after = cursor_key(page.after, "date") if page.after else None
    following = [
        item for item in row["events"] if after is None or _comparable(item["key"]) > _comparable(after)
    ]
    return keyed_page_of({"total": row["event_count"], "page": following[: page.first + 1]}, page)


def page_of_every(every: Page, page: PageRequest) -> Page:
    """A page of a region's events from all of them (read unpaged: a request asking several pages)."""
    items = [{"key": _key(props), "node": props} for _, props in every.items]
    return _paged({"events": items, "event_count": every.total}, page)


def _key(props: dict[str, Any]) -> list[Any]:
    """An event's key in date order, as the query builds it."""
    return [False, props.get("start_date"), props["id"]]


def _comparable(key: list[Any]) -> tuple[Any, ...]:
    """A key Python can compare as Neo4j does: an unknown date after every known one."""
    flag, value, item_id = key
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return (flag, value is None, value or date.min, item_id)


async def _as_of(
    store: GraphStore, rows: list[dict[str, Any]], start: date | None, end: date | None, as_of: datetime
) -> list[dict[str, Any]]:
    """Today's engagements restricted to the events and agreements with a report live at `as_of`, with
    their fields (dates, contract values) as those reports stated them, and the date bounds applied to
    those; every event of a region, in date order by those dates, with the counts of those. The links
    walked (who took part, where, which trip, which parties) are today's: a link added by a later report
    of a fact that existed then counts (approximate); a fact whose every report has been retracted since
    is missing (approximate)."""
    event_ids = sorted({item["node"]["id"] for row in rows for item in row["events"]})
    agreement_ids = sorted({g["id"] for row in rows for g in row["agreements"]})
    events = await facts_as_of(store, "event", as_of, event_ids)
    agreements = await facts_as_of(store, "agreement", as_of, agreement_ids)
    restricted = []
    for row in rows:
        then = [
            (events[item["node"]["id"]].props, item["link_types"])
            for item in row["events"]
            if item["node"]["id"] in events
        ]
        kept = [(props, links) for props, links in then if overlaps(props, start, end)]
        kept.sort(key=lambda each: _comparable(_key(each[0])))
        signed = [agreements[g["id"]].props for g in row["agreements"] if g["id"] in agreements]
        restricted.append(
            {
                "region": row["region"],
                "events": [{"key": _key(props), "node": props} for props, _ in kept],
                "event_count": len(kept),
                "event_links": sorted({link for _, links in kept for link in links}),
                "events_about": sum(LINKS["subject"] in links for _, links in kept),
                "agreements": [props for props in signed if overlaps(props, start, end)],
            }
        )
    return restricted
