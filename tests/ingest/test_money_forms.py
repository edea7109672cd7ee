"""More ways news write a sum (issue 13): the Belarusian rouble's sign 'Br', shortened Russian currency
words, zlotys, and ranges whose multiplier and currency come once after the upper bound (the sum is the
one stated first). Phrases of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.ingest.money import find_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("he was fined Br 740 on Tuesday", "740", "BYN"),
        ("a budget of Br12.5 million", "12500000", "BYN"),
        ("штраф в размере 740 бел. рублей", "740", "BYN"),
        ("штраф 740 белорусских руб.", "740", "BYN"),
        ("a fine of 3,000 zlotys", "3000", "PLN"),
        ("контракты на сумму от 500 до 700 млн долларов", "500000000", "USD"),
        ("contracts worth from 500 to 700 million dollars", "500000000", "USD"),
        ("a loan of 5-7 billion roubles", "5000000000", "RUB"),
    ],
)
def test_a_sum_is_read(text: str, amount: str, currency: str) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("trade grew from $5 billion in 2020 to 700 million dollars", "700000000"),
        ("Article 342 – 1,000 rubles", "1000"),
        ("the Abr 5 engine cost 100 dollars", "100"),
    ],
)
def test_a_year_or_a_number_before_a_sum_is_no_range(text: str, amount: str) -> None:
    assert Decimal(amount) == find_money(text)[-1].amount and len(find_money(text)) <= 2
