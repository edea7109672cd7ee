"""Aggregations: events and agreements counted (and their values added up) per bucket of group keys.

One query per request (queries/read/event_stats.cypher, agreement_stats.cypher): the keys asked for are
parameters of a fixed query, never pieces of Cypher. Each fact is one node, so a fact counts once per bucket
however many sources report it; a trip and its legs count once unless `legs` is asked for.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.model.dates import PERIODS, Period
from graph.read.filters import ResolvedEventFilter, actor_side, check_date_range
from graph.read.money import MoneyValue
from graph.store import GraphStore

EVENT_KEYS = ("kind", "country", "region", "actor", "source")
"""What events can be grouped by besides a period."""
EVENT_GROUPS: tuple[str, ...] = ("kind", *PERIODS, "country", "region", "actor", "source")
AGREEMENT_KEYS = ("party", "region", "currency")
"""What agreements can be grouped by besides a period."""
AGREEMENT_GROUPS: tuple[str, ...] = ("party", "region", *PERIODS, "currency")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class PeriodKey:
    """A calendar period: its unit and first day; the last day and a label follow."""

    unit: Period
    start: date

    @property
    def end(self) -> date:
        match self.unit:
            case "day":
                return self.start
            case "week":
                return self.start + timedelta(days=6)
            case "month":
                return self._month_end(self.start.month)
            case "quarter":
                return self._month_end(self.start.month + 2)
            case _:
                return date(self.start.year, 12, 31)

    def _month_end(self, month: int) -> date:
        return date(self.start.year, month, calendar.monthrange(self.start.year, month)[1])

    @property
    def label(self) -> str:
        """2023-04-26, 2023-W17 (ISO week), 2023-04, 2023-Q2, 2023."""
        match self.unit:
            case "day":
                return self.start.isoformat()
            case "week":
                year, week, _ = self.start.isocalendar()
                return f"{year}-W{week:02d}"
            case "month":
                return self.start.isoformat()[:7]
            case "quarter":
                return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
            case _:
                return str(self.start.year)


@dataclass(frozen=True)
class EventBucket:
    """One combination of group keys (None: not grouped by it, or the events have none) and its events."""

    kind: str | None
    period: PeriodKey | None
    country: dict[str, Any] | None
    region: dict[str, Any] | None
    actor: dict[str, Any] | None
    source: dict[str, Any] | None
    count: int
    agreement_count: int
    contract_value: MoneyValue | None
    """The agreements the bucket's events produced, each once, summed in USD (those with a USD value);
    None when none has one."""


@dataclass(frozen=True)
class AgreementBucket:
    party: dict[str, Any] | None
    region: dict[str, Any] | None
    period: PeriodKey | None
    currency: str | None
    count: int
    valued_count: int
    """How many have a reported value."""
    sum: MoneyValue | None
    min: MoneyValue | None
    max: MoneyValue | None


@dataclass(frozen=True)
class Grouping:
    """The keys a request groups by, checked: at most one period."""

    keys: frozenset[str]
    period: Period | None

    def params(self, keys: Sequence[str]) -> dict[str, Any]:
        return {"period": self.period, **{f"by_{key}": key in self.keys for key in keys}}


def grouping(group_by: Sequence[str], allowed: Sequence[str], argument: str = "groupBy") -> Grouping:
    unknown = [key for key in group_by if key not in allowed]
    if unknown:
        raise ValidationFailed(
            f"cannot group by {', '.join(unknown)}; known: {', '.join(allowed)}",
            location=Location(field=argument),
        )
    periods = [key for key in dict.fromkeys(group_by) if key in PERIODS]
    if len(periods) > 1:
        raise ValidationFailed(
            f"group by one period at most, got {', '.join(periods)}", location=Location(field=argument)
        )
    period: Period | None = next((p for p in PERIODS if p in periods), None)
    return Grouping(frozenset(key for key in group_by if key not in PERIODS), period)


async def event_stats(
    store: GraphStore,
    filters: ResolvedEventFilter,
    group_by: Sequence[str],
    *,
    legs: bool = False,
    with_value: bool = True,
) -> list[EventBucket]:
    """The selected events counted per bucket, ordered by the keys in `group_by`'s order (periods in
    time, names alphabetically, none last). `with_value`: also find the agreements they produced."""
    groups = grouping(group_by, EVENT_GROUPS)
    params = filters.params()
    if filters.side is not None:  # the single `actor`, a condition like each of `actors.all`
        single = {"side": filters.side, "about": [filters.actor] if filters.actor else []}
        params["actor_conditions"] = [single, *params["actor_conditions"]]
    rows = await store.read(
        "read/event_stats",
        **params,
        legs=legs,
        with_value=with_value,
        **groups.params(EVENT_KEYS),
    )
    buckets = [
        EventBucket(
            kind=row["kind"],
            period=PeriodKey(groups.period, row["period"]) if groups.period and row["period"] else None,
            country=row["country"],
            region=row["region"],
            actor=row["actor"],
            source=row["source"],
            count=row["count"],
            agreement_count=row["agreement_count"],
            contract_value=_usd(row["values_usd"]),
        )
        for row in rows
    ]
    return sorted(buckets, key=lambda bucket: _order(bucket, group_by))


def _usd(values: list[float]) -> MoneyValue | None:
    if not values:
        return None
    amount = _cents(sum((Decimal(str(value)) for value in values), Decimal(0)))
    return MoneyValue(amount, "USD", amount)


def _order(bucket: EventBucket | AgreementBucket, group_by: Sequence[str]) -> tuple[Any, ...]:
    """Each key's sort value in group_by order; a bucket without the key (None) after those with it."""
    key: list[Any] = []
    for name in group_by:
        value = getattr(bucket, "period" if name in PERIODS else name)
        if isinstance(value, dict):
            value = (str(value.get("name") or value.get("title") or ""), value["id"])
        elif isinstance(value, PeriodKey):
            value = value.start
        key.append((value is None, value if value is not None else ""))
    return tuple(key)


@dataclass(frozen=True)
class AgreementFilter:
    """The filters of `agreements`, as given (party: an id or a name)."""

    kinds: tuple[str, ...] = ()
    party: str | None = None
    min_value_usd: float | None = None
    start: date | None = None
    end: date | None = None


async def _agreement_params(store: GraphStore, given: AgreementFilter) -> dict[str, Any]:
    """The parameters of read/agreements_page (and read/agreement_stats), checked as `agreements` does."""
    check_date_range(given.start, given.end)
    if given.min_value_usd is not None and given.min_value_usd < 0:
        raise ValidationFailed("minValueUsd must not be negative", location=Location(field="minValueUsd"))
    return {
        "kinds": list(given.kinds) or None,
        "party": await actor_side(store, given.party, "party"),
        "min_value_usd": given.min_value_usd,
        "from": given.start,
        "to": given.end,
    }


async def agreement_stats(
    store: GraphStore, given: AgreementFilter, group_by: Sequence[str]
) -> list[AgreementBucket]:
    """The selected agreements per bucket: count, and the sum, least and greatest value. Values are in the
    bucket's currency when its valued agreements share one (`usd` beside the sum when each has a USD
    value), else in USD over those with a USD value."""
    groups = grouping(group_by, AGREEMENT_GROUPS)
    rows = await store.read(
        "read/agreement_stats", **await _agreement_params(store, given), **groups.params(AGREEMENT_KEYS)
    )
    buckets = [
        AgreementBucket(
            party=row["party"],
            region=row["region"],
            period=PeriodKey(groups.period, row["period"]) if groups.period and row["period"] else None,
            currency=row["currency"],
            count=row["count"],
            valued_count=row["valued"],
            **_values(row),
        )
        for row in rows
    ]
    return sorted(buckets, key=lambda bucket: _order(bucket, group_by))


def _values(row: dict[str, Any]) -> dict[str, MoneyValue | None]:
    if row["valued"] == 0:
        return {"sum": None, "min": None, "max": None}
    if len(row["currencies"]) == 1:
        currency = row["currencies"][0]
        every_usd = row["valued_usd"] == row["valued"]
        usd_sum = _decimal(row["usd_sum"]) if every_usd else None

        def each(amount: float | None) -> MoneyValue | None:
            value = _decimal(amount)
            if value is None:
                return None
            return MoneyValue(value, currency, value if currency == "USD" else None)

        total = _decimal(row["amount_sum"])
        return {
            "sum": MoneyValue(total, currency, usd_sum) if total is not None else None,
            "min": each(row["amount_min"]),
            "max": each(row["amount_max"]),
        }
    if row["valued_usd"] == 0:
        return {"sum": None, "min": None, "max": None}

    def usd(amount: float | None) -> MoneyValue | None:
        value = _decimal(amount)
        return MoneyValue(value, "USD", value) if value is not None else None

    return {"sum": usd(row["usd_sum"]), "min": usd(row["usd_min"]), "max": usd(row["usd_max"])}


def _decimal(value: float | None) -> Decimal | None:
    return _cents(Decimal(str(value))) if value is not None else None


def _cents(value: Decimal) -> Decimal:
    """Rounded to the cent (USD values are stored as floats); a whole amount without decimals."""
    rounded = value.quantize(CENT)
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded
