"""The header (week, section, title, status label) is split from the body; the footer is dropped."""

from __future__ import annotations

from graph.ingest.header import parse_header

DIGEST = """by
April 24 – April 30, 2023
Belarus-Russia relations

Regions first

The situation has not changed

Minsk keeps talking to Russian regions. Contracts were signed on April 26th.

You have been successfully subscribed

Subscribe to our newsletter
"""


def test_the_header_of_a_weekly_digest() -> None:
    header = parse_header(DIGEST)
    assert str(header.period) == "2023-04-24/2023-04-30"
    assert header.section == "Belarus-Russia relations"
    assert header.title == "Regions first"
    assert header.status_label == "The situation has not changed"
    assert header.language == "en"
    body = DIGEST[header.body.start : header.body.end]
    assert body.startswith("Minsk keeps talking") and "subscribed" not in body


def test_source_and_date_lines_of_an_excerpt() -> None:
    text = (
        "SOURCE: https://example.org/a\nDATE: early May 2023 (events May 5–9, 2023)\n"
        "A title without a full stop\nLukashenka went to Moscow on May 8. He met Putin.\n"
    )
    header = parse_header(text)
    assert header.url == "https://example.org/a"
    assert str(header.period) == "2023-05-05/2023-05-09"
    assert header.title == "A title without a full stop"
    assert text[header.body.start :].startswith("Lukashenka went")


def test_a_russian_header() -> None:
    text = (
        "15 – 21 мая 2023\nОтношения Беларусь – Россия\n\nРегионы\n\n"
        "Ситуация не изменилась\n\nТекст. Ещё текст.\n"
    )
    header = parse_header(text)
    assert str(header.period) == "2023-05-15/2023-05-21"
    assert header.status_label == "Ситуация не изменилась"
    assert header.language == "ru"


def test_a_word_containing_subscribe_inside_the_body_does_not_end_it() -> None:
    text = "May 1 – May 7, 2023\nTitle\n\nПо итогам визита были подписаны контракты на 25 млн долларов.\n"
    header = parse_header(text)
    assert "подписаны" in text[header.body.start : header.body.end]
