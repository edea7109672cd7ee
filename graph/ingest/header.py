"""A digest's header (source line, week, section, title, status label) split from its body and footer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from graph.ingest.candidates import DateSpan, Span
from graph.ingest.dates import find_dates
from graph.ingest.tokens import detect_language

METADATA = re.compile(r"^(?P<key>[A-Z]{3,12}):\s*(?P<value>.*)$")
BYLINE = re.compile(r"^(?:by|от|ад)(?:\s+\S.{0,60})?$", re.IGNORECASE)
STATUS = re.compile(
    r"^(?:the situation|situation|ситуация|сітуацыя)\b.{0,60}$"
    r"|^(?:no change|improved|worsened|deteriorated)$",
    re.IGNORECASE,
)
FOOTER = re.compile(
    r"^(?:you have been successfully subscribed|subscribe\b|sign up|вы успешно подписались|"
    r"подпишитесь|подписаться|падпішыцеся|падпісацца|read more$|читать далее)|newsletter|рассылк",
    re.IGNORECASE,
)
FOOTER_LINE_LENGTH = 80
SENTENCE_END = re.compile(r"[.!?…»”\"')\]]\s*$")


@dataclass(frozen=True)
class Header:
    period: DateSpan | None
    section: str | None
    title: str | None
    status_label: str | None
    url: str | None
    language: str
    body: Span


def parse_header(text: str) -> Header:
    lines = [
        (m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]*", text) if m.group().strip()
    ]
    url: str | None = None
    period: DateSpan | None = None
    status: str | None = None
    short_lines: list[str] = []
    body_start = len(text)
    for start, _, line in lines:
        metadata = METADATA.match(line)
        dates = find_dates(line, 0, len(line), None)
        if metadata and metadata.group("key") in {"SOURCE", "URL"}:
            url = metadata.group("value").strip() or None
        elif metadata or (dates and _mostly_date(line, dates[0].span.end - dates[0].span.start)):
            period = period or _best_period(line)
        elif BYLINE.match(line):
            continue
        elif STATUS.match(line):
            status = line
        elif len(line) <= 160 and not SENTENCE_END.search(line):
            short_lines.append(line)
        else:
            body_start = start
            break
    body_end = _footer_start(text, body_start)
    section = short_lines[0] if len(short_lines) >= 2 else None
    title = short_lines[-1] if short_lines else None
    language = detect_language(text[body_start:body_end])
    return Header(period, section, title, status, url, language, Span(body_start, body_end))


def _mostly_date(line: str, date_length: int) -> bool:
    return date_length >= len(line) * 0.6


def _best_period(line: str) -> DateSpan | None:
    """The narrowest dated span on the line: 'early May 2023 (events May 5–9, 2023)' -> May 5–9."""
    spans = [m.value for m in find_dates(line, 0, len(line), None)]
    if not spans:
        return None
    return min(spans, key=lambda s: (s.end - s.start).days)


def _footer_start(text: str, body_start: int) -> int:
    for match in re.finditer(r"[^\n]+", text[body_start:]):
        line = match.group().strip()
        if len(line) <= FOOTER_LINE_LENGTH and FOOTER.search(line):
            return body_start + match.start()
    return len(text)


def period_from_dates(dates: list[date]) -> DateSpan | None:
    if not dates:
        return None
    return DateSpan(min(dates), max(dates), "range")
