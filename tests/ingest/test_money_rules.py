"""Sums on meetings (issue 13): a meeting carries the sum its sentence states ('discussed the $1.2 billion
loan'), unless an event of the sentence (a signing) carries it itself; a speaker's figures stay off the
statement. Sentences of our own, in English and Russian, never a corpus text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.ingest.conftest import WriteDigest, sums


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday Lukashenko and Putin discussed the $1.2 billion loan in Sochi.",
        "Во вторник Лукашенко и Путин обсудили в Сочи кредит в размере 1,2 млрд долларов.",
    ],
)
def test_a_meeting_carries_the_sum_discussed(write_digest: WriteDigest, text: str) -> None:
    assert sums(write_digest, text, "meeting") == [(Decimal("1200000000"), "USD")]


def test_a_conversion_in_brackets_is_not_the_meetings_sum(write_digest: WriteDigest) -> None:
    text = "On Tuesday Lukashenko and Putin discussed the €1.2 billion ($1.3 billion) loan in Sochi."
    assert sums(write_digest, text, "meeting") == [(Decimal("1200000000"), "EUR")]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday Lukashenko met Putin in Sochi, where contracts worth $700 million were signed.",
        "Во вторник в ходе встречи Лукашенко и Путина в Сочи подписаны контракты на 700 млн долларов.",
    ],
)
def test_a_signing_at_a_meeting_keeps_its_sum(write_digest: WriteDigest, text: str) -> None:
    assert sums(write_digest, text, "contract_signing") == [(Decimal("700000000"), "USD")]
    assert sums(write_digest, text, "meeting") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Contracts worth $700 million were signed at the forum on Tuesday, Lukashenko said.",
        "Лукашенко заявил во вторник, что на форуме подписаны контракты на 700 млн долларов.",
    ],
)
def test_a_signing_told_in_a_statement_keeps_its_sum(write_digest: WriteDigest, text: str) -> None:
    assert sums(write_digest, text, "contract_signing") == [(Decimal("700000000"), "USD")]
    assert sums(write_digest, text, "statement") == [None]


def test_a_speakers_figures_are_not_the_statements_sum(write_digest: WriteDigest) -> None:
    text = "Лукашенко заявил в понедельник, что товарооборот с Россией достиг 5 млрд долларов."
    assert sums(write_digest, text, "statement") == [None]


def test_a_meeting_without_a_sum_has_none(write_digest: WriteDigest) -> None:
    text = "On Tuesday Lukashenko and Putin discussed relations in Sochi."
    assert sums(write_digest, text, "meeting") == [None]
