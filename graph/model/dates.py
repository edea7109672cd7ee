"""Date spans with a precision: a day, a range of days, a month or a year, and the time nodes they link to.

Accepted forms: "2023-04-28" (day), "2023-04" (month), "2023" or 2023 (year), a `date`, or
{start, end, precision} where start/end take the same forms and precision is optional.

Every date lies in the graph's calendar window, EARLIEST..LATEST (1800-01-01..2100-12-31): the digests are
about the present, so a date outside it is a typo (9999-12-31, 0001-01-01), and refusing it keeps date
arithmetic away from Python's and Neo4j's limits. The window is a rule of the model, not a setting: a seed
file is valid or not the same way on every machine, and the model reads no environment.

A record is linked `[:ON]` to time nodes, never more than MAX_TIME_LINKS of them whatever its span
(`DateSpan.time_links`): a day, month or year precision links its one `:Day {date}`, `:Month {month}` or
`:Year {year}`; a range links each `:Day` it covers when that is at most MAX_TIME_LINKS days, else each
`:Month`, else each `:Year`, else each `:Decade {decade}` (the window holds 31 decades). The time nodes
are for walking the graph; exact date filters read the records' indexed `start_date` and `end_date`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Annotated, Any, Literal, NamedTuple, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator

Precision = Literal["day", "range", "month", "year"]
TimeUnit = Literal["day", "month", "year", "decade"]
Period = Literal["day", "week", "month", "quarter", "year"]
"""A calendar period statistics are counted by (an ISO week starts on a Monday); each is a unit of
Neo4j's `date.truncate`, so the period a date falls in is computed by the database."""

EARLIEST = date(1800, 1, 1)
LATEST = date(2100, 12, 31)
"""The calendar window: the first and last day any date of the graph may be."""
MAX_TIME_LINKS = 62
"""The most time nodes one record links to: two months of days, five years of months, 62 years."""


def in_window(value: date) -> date:
    if value < EARLIEST:
        raise ValueError(f"{value} is before the earliest date the graph accepts, {EARLIEST}")
    if value > LATEST:
        raise ValueError(f"{value} is after the latest date the graph accepts, {LATEST}")
    return value


CalendarDate = Annotated[date, AfterValidator(in_window)]
"""A date inside the graph's calendar window."""

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(value: object) -> tuple[date, date, Precision]:
    """(first day, last day, precision) of a day, month or year written in any accepted form."""
    if isinstance(value, date):
        return value, value, "day"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date such as 2023-04-28, 2023-04 or 2023, got {value!r}")
    match = _PARTIAL.match(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date: use 2023-04-28, 2023-04 or 2023")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        exact = date(year, month, day)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None
    return exact, exact, "day"


class DateSpan(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    start: CalendarDate
    end: CalendarDate
    precision: Precision

    @model_validator(mode="before")
    @classmethod
    def _from_any_form(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            first, last, precision = parse_partial(value)
            return {"start": first, "end": last, "precision": precision}
        if "start" not in value:
            return value
        first, first_end, first_precision = parse_partial(value["start"])
        given_end = value.get("end")
        last = first_end if given_end is None else parse_partial(given_end)[1]
        inferred: Precision = first_precision if last == first_end else "range"
        return {**value, "start": first, "end": last, "precision": value.get("precision") or inferred}

    @model_validator(mode="after")
    def _consistent(self) -> DateSpan:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        expected_end = {
            "day": self.start,
            "month": self.start.replace(day=calendar.monthrange(self.start.year, self.start.month)[1]),
            "year": self.start.replace(month=12, day=31),
        }.get(self.precision)
        starts_right = {
            "month": self.start.day == 1,
            "year": (self.start.month, self.start.day) == (1, 1),
        }.get(self.precision, True)
        if expected_end is not None and (self.end != expected_end or not starts_right):
            raise ValueError(
                f"precision '{self.precision}' does not fit {self.start}..{self.end}: "
                f"a {self.precision} span covers exactly one {self.precision}"
            )
        return self

    def time_links(self) -> TimeLinks:
        """The time nodes this span links to: at most MAX_TIME_LINKS, the finest unit that fits."""
        if self.precision != "range":
            return TimeLinks(self.precision, [_unit_value(self.precision, self.start)])
        unit = next(unit for unit in TIME_UNITS if _count(unit, self.start, self.end) <= MAX_TIME_LINKS)
        return TimeLinks(unit, list(_values(unit, self.start, self.end)))


class TimeLinks(NamedTuple):
    unit: TimeUnit
    values: list[Any]
    """Dates for days and months (a month is its first day), ints for years and decades (1990 for the
    1990s)."""

    def names(self) -> list[str]:
        """How each link is named in a row's keys (graph/load/rows.py): 2023-04-28, 2023-04, 2023, 2020s."""
        return [time_key(self.unit, value) for value in self.values]


def time_key(unit: TimeUnit, value: Any) -> str:
    if unit == "day":
        return str(value.isoformat())
    if unit == "month":
        return str(value.isoformat()[:7])
    return f"{value}s" if unit == "decade" else str(value)


TIME_UNITS: tuple[TimeUnit, ...] = ("day", "month", "year", "decade")
"""From the finest to the coarsest."""
PERIODS: tuple[Period, ...] = get_args(Period)
"""Every Period, from the finest to the coarsest: the one vocabulary of the API's `groupBy` periods."""


def _count(unit: TimeUnit, start: date, end: date) -> int:
    match unit:
        case "day":
            return (end - start).days + 1
        case "month":
            return (end.year - start.year) * 12 + end.month - start.month + 1
        case "year":
            return end.year - start.year + 1
    return end.year // 10 - start.year // 10 + 1


def _unit_value(unit: TimeUnit, day: date) -> Any:
    match unit:
        case "day":
            return day
        case "month":
            return day.replace(day=1)
        case "year":
            return day.year
    return day.year // 10 * 10


def _values(unit: TimeUnit, start: date, end: date) -> Iterator[Any]:
    if unit == "day":
        for offset in range((end - start).days + 1):
            yield start + timedelta(days=offset)
    elif unit == "month":
        for index in range(start.year * 12 + start.month - 1, end.year * 12 + end.month):
            yield date(index // 12, index % 12 + 1, 1)
    else:
        step = 10 if unit == "decade" else 1
        yield from range(_unit_value(unit, start), end.year + 1, step)


assert _count("decade", EARLIEST, LATEST) <= MAX_TIME_LINKS, "a window this wide needs a coarser time unit"
