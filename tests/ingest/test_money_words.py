"""Sums written in words (issue 13, money recall), English and Russian, on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.ingest.money import find_money
from graph.ingest.number_words import words_value
from tests.ingest.conftest import WriteDigest, sums


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("three thousand", 3000),
        ("twenty-five million", 25_000_000),
        ("three hundred and twenty thousand", 320_000),
        ("три тысячи", 3000),
        ("двухсот пятидесяти тысяч", 250_000),
        ("полутора миллиардов", 1_500_000_000),
        ("сорока двух", 42),
    ],
)
def test_a_number_in_words_has_its_value(phrase: str, value: int) -> None:
    assert words_value(phrase) == Decimal(value)


def test_a_sum_in_words_is_found_with_its_currency() -> None:
    text = "They agreed on contracts worth a total of three million dollars and a fine of две тысячи рублей."
    assert [(m.amount, m.currency) for m in find_money(text)] == [
        (Decimal(3_000_000), "USD"),
        (Decimal(2000), "RUB"),
    ]


def test_number_words_without_a_currency_are_no_sum() -> None:
    assert find_money("Three thousand people marched; двести человек задержали.") == []


def test_a_fine_and_a_signing_in_words_carry_their_sums(write_digest: WriteDigest) -> None:
    fine = "A court in Hrodna fined blogger Ivan Petrov three thousand rubles on Tuesday."
    assert sums(write_digest, fine, "fine") == [(Decimal(3000), "BYN")]
    signing = "Во вторник в Минске стороны подписали контракты на сумму около полутора миллиардов рублей."
    assert sums(write_digest, signing, "contract_signing") == [(Decimal(1_500_000_000), "RUB")]
