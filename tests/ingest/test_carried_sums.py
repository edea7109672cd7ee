"""Sums carried by the event that tells of them (issue 13): the corpus guidelines put money "on any event
that carries a sum (fines, damages, contracts, loans)". A speaker who announces a loan carries its sum; a
speaker's trade figure is a statistic nobody carries; a sentence and a fine told together leave the sum
to the fine (money belongs to one event). Sentences of our own, in English and Russian."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.ingest.conftest import WriteDigest, sums


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko said on Monday that Russia had granted Belarus a loan of $1.5 billion.",
        "On Monday Lukashenko announced a $1.5 billion Russian loan for the new power plant.",
        "Лукашенко заявил в понедельник, что Россия предоставит Беларуси кредит в размере 1,5 млрд долларов.",
    ],
)
def test_a_speaker_announcing_a_loan_carries_its_sum(write_digest: WriteDigest, text: str) -> None:
    assert sums(write_digest, text, "statement") == [(Decimal("1500000000"), "USD")]


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko said on Monday that trade between the two countries reached $50 billion.",
        "Lukashenko said on Monday that Belarusian exports to Russia grew by 10% to $20 billion.",
        "Лукашенко заявил в понедельник, что товарооборот с Россией составил 50 млрд долларов.",
    ],
)
def test_a_speakers_trade_figure_is_nobodys_sum(write_digest: WriteDigest, text: str) -> None:
    assert sums(write_digest, text, "statement") == [None]


def test_talks_citing_a_trade_figure_carry_no_sum(write_digest: WriteDigest) -> None:
    text = "On Tuesday Lukashenko met Putin in Sochi; trade between the two countries reached $50 billion."
    assert sums(write_digest, text, "meeting") == [None]


def test_a_publication_of_a_loan_carries_its_sum(write_digest: WriteDigest) -> None:
    text = (
        "On Tuesday the Ministry of Information published a decree on a loan of 2 billion Russian roubles "
        "to Belarus."
    )
    assert sums(write_digest, text, "publication") == [(Decimal("2000000000"), "RUB")]


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov was sentenced on Wednesday to three years in prison and fined 10,000 rubles.",
        "On Wednesday, Ivan Petrov was fined 10,000 rubles and sentenced to ten days in jail.",
        "В среду Ивана Петрова приговорили к трем годам колонии и оштрафовали на 10 000 рублей.",
    ],
)
def test_a_sentence_and_a_fine_told_together_leave_the_sum_to_the_fine(
    write_digest: WriteDigest, text: str
) -> None:
    assert sums(write_digest, text, "sentence") == [None]
    assert [s[0] if s else None for s in sums(write_digest, text, "fine")] == [Decimal(10000)]


def test_a_sum_named_right_before_the_fine_is_the_fines(write_digest: WriteDigest) -> None:
    text = "On Wednesday, Ivan Petrov was ordered to pay 1,850 rubles in fines and 5,000 rubles in damages."
    assert [s[0] if s else None for s in sums(write_digest, text, "fine")] == [Decimal(1850)]


def test_a_fines_sum_told_next_is_in_belarusian_roubles_in_belarus(write_digest: WriteDigest) -> None:
    text = (
        "Belarusian blogger Ivan Petrov was detained in Minsk on Monday. On Wednesday he was fined. "
        "The fine amounted to 1,850 rubles."
    )
    assert sums(write_digest, text, "fine") == [(Decimal(1850), "BYN")]
