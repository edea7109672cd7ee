"""Adding up contract values that may be in several currencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class MoneyValue:
    amount: Decimal
    currency: str
    usd: Decimal | None = None
    usd_rate: Decimal | None = None
    usd_rate_date: date | None = None


MONEY_PROPERTIES = ("value_amount", "value_currency", "value_usd", "usd_rate", "usd_rate_date")
"""The properties `money_of` reads."""


def money_of(agreement: dict[str, Any]) -> MoneyValue | None:
    """The value stored on an agreement node, if one was reported."""
    amount = _finite(agreement.get("value_amount"))
    if amount is None:
        return None
    return MoneyValue(
        amount=amount,
        currency=agreement["value_currency"],
        usd=_finite(agreement.get("value_usd")),
        usd_rate=_finite(agreement.get("usd_rate")),
        usd_rate_date=agreement.get("usd_rate_date"),
    )


def _finite(stored: object) -> Decimal | None:
    """A stored amount (text, or a float for USD) as a Decimal; None when absent, or when it is not a finite
    number (written by something other than the loader): not reported, rather than Infinity in a total."""
    if stored is None:
        return None
    try:
        value = Decimal(str(stored))
    except ArithmeticError:
        return None
    return value if value.is_finite() else None


def total(values: list[MoneyValue]) -> MoneyValue | None:
    """One currency: its sum. Several: the sum in USD, or None when a value has no USD equivalent.

    No value reported is None, never zero.
    """
    if not values:
        return None
    currencies = {value.currency for value in values}
    if len(currencies) == 1:
        amount = sum((value.amount for value in values), Decimal(0))
        usd = [value.usd for value in values]
        usd_total = sum((u for u in usd if u is not None), Decimal(0)) if None not in usd else None
        return MoneyValue(amount, currencies.pop(), usd_total)
    if any(value.usd is None for value in values):
        return None
    usd_sum = sum((value.usd for value in values if value.usd is not None), Decimal(0))
    return MoneyValue(usd_sum, "USD", usd_sum)
