"""Money is read in words and digits, as exact decimals with an ISO currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.ingest.money import find_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("contracts worth USD 13 million were signed", "13000000", "USD"),
        ("a $50 million loan", "50000000", "USD"),
        ("300 million roubles", "300000000", "RUB"),
        ("BYN 2.5 million", "2500000", "BYN"),
        ("50 million Belarusian rubles", "50000000", "BYN"),
        ("€1.2bn", "1200000000", "EUR"),
        ("1,500 dollars", "1500", "USD"),
        ("контракты на 13 млн долларов", "13000000", "USD"),
        ("2,5 млрд белорусских рублей", "2500000000", "BYN"),
        ("на 300 миллионов российских рублей", "300000000", "RUB"),
        ("13,5 млн долл.", "13500000", "USD"),
    ],
)
def test_sums_of_money_are_found(text: str, amount: str, currency: str) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (Decimal(amount), currency)
    assert text[money.span.start : money.span.end].strip()


def test_numbers_without_a_currency_are_not_money() -> None:
    assert find_money("the third largest city (1.63 million inhabitants)") == []
