"""One statement per speaker and occasion (issue 13): words told first without a day, then placed on
the day of the report, are one statement. Sentences of our own, in English and Russian."""

from __future__ import annotations

import pytest

from graph.ingest.candidates import Candidate
from graph.ingest.pipeline import ingest, parse_period
from tests.ingest.conftest import FIXTURE_SEED, THURSDAY, WriteDigest


def statements(write_digest: WriteDigest, text: str) -> list[Candidate]:
    found = ingest(write_digest(text), FIXTURE_SEED, published=THURSDAY).candidates
    return [c for c in found if c.kind == "statement"]


@pytest.mark.parametrize(
    "text",
    [
        "По словам Лукашенко, переговоры прошли успешно. Об этом он заявил во вторник журналистам.",
        "According to Lukashenka, the talks went well. He told journalists so on Tuesday.",
    ],
)
def test_words_told_first_and_then_dated_are_one_statement(write_digest: WriteDigest, text: str) -> None:
    [statement] = statements(write_digest, text)
    assert str(statement.date) == "2024-05-14" and len(statement.evidence) == 2


def test_a_speaker_on_two_days_makes_two_statements(write_digest: WriteDigest) -> None:
    text = "Lukashenka said on Monday that Belarus was strong. Lukashenka said on Tuesday that it was weak."
    assert len(statements(write_digest, text)) == 2


WEEK = parse_period("2024-05-13/2024-05-19")


@pytest.mark.parametrize(
    "text",
    [
        "On May 14, Lukashenka said the talks were useful. He also noted that Belarus was ready to buy gas.",
        "14 мая Лукашенко заявил, что переговоры были полезными. Он также отметил, что Беларусь готова "
        "покупать газ.",
    ],
)
def test_what_a_speaker_also_said_in_the_next_sentence_is_the_same_statement(
    write_digest: WriteDigest, text: str
) -> None:
    found = ingest(write_digest(text), FIXTURE_SEED, WEEK).candidates
    [statement] = [c for c in found if c.kind == "statement"]
    assert len(statement.evidence) == 2
