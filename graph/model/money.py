"""Money: an exact amount in an ISO 4217 currency, with its USD value when the currency is not USD."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from graph.model.dates import CalendarDate

USD_TOLERANCE = Decimal("0.01")
MAX_AMOUNT = Decimal("1e18")
"""The largest amount or rate the graph takes (a billion billion, beyond any contract in any currency): the
USD value is also stored as a float, and a larger decimal would overflow it to Infinity."""


WITHDRAWN_CURRENCIES = {"BYR": "Belarusian ruble, 2000 to the redenomination of 1 July 2016"}
"""Withdrawn ISO 4217 codes the graph still takes: digests quote fines and contracts of before July 2016 in
old Belarusian roubles (10,000 BYR became 1 BYN), and writing them as BYN would overstate them 10,000-fold.
Other withdrawn codes (RUR, ...) stay refused: no digest uses them."""


def _known_currency(code: str) -> str:
    if pycountry.currencies.get(alpha_3=code) is None and code not in WITHDRAWN_CURRENCIES:
        raise ValueError(f"'{code}' is not an ISO 4217 currency code")
    return code


def _upper(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


CurrencyCode = Annotated[
    str, BeforeValidator(_upper), Field(pattern=r"^[A-Z]{3}$"), AfterValidator(_known_currency)
]


def _not_too_large(value: Decimal) -> Decimal:
    if value > MAX_AMOUNT:
        raise ValueError(f"{value} is larger than the graph accepts ({MAX_AMOUNT:,.0f} at most)")
    return value


Amount = Annotated[Decimal, Field(ge=0, allow_inf_nan=False), AfterValidator(_not_too_large)]


class UsdValue(BaseModel):
    """The USD equivalent; `rate` is USD per one unit of the original currency, as of `rate_date`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: Amount
    rate: Annotated[Decimal, Field(gt=0, allow_inf_nan=False), AfterValidator(_not_too_large)]
    rate_date: CalendarDate


class Money(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: Amount
    currency: CurrencyCode
    usd: UsdValue | None = None

    @model_validator(mode="after")
    def _usd_consistent(self) -> Money:
        if self.usd is None:
            return self
        if self.currency == "USD":
            raise ValueError("'usd' is only for amounts in other currencies; this one is already USD")
        expected = self.amount * self.usd.rate
        if abs(expected - self.usd.amount) > max(USD_TOLERANCE, expected * USD_TOLERANCE):
            raise ValueError(
                f"usd.amount {self.usd.amount} does not match amount * rate = {expected:.2f} "
                f"(rate is USD per 1 {self.currency})"
            )
        return self

    @property
    def usd_amount(self) -> Decimal | None:
        if self.currency == "USD":
            return self.amount
        return self.usd.amount if self.usd else None
