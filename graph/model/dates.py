"""Date spans with a precision: a day, a range of days, a month or a year.

Accepted forms: "2023-04-28" (day), "2023-04" (month), "2023" or 2023 (year), a `date`, or
{start, end, precision} where start/end take the same forms and precision is optional.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

Precision = Literal["day", "range", "month", "year"]

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

    start: date
    end: date
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

    def days(self) -> Iterator[date]:
        current = self.start
        while current <= self.end:
            yield current
            current += timedelta(days=1)
