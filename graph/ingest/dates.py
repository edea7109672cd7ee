"""Dates in digest prose, resolved against the digest's own period.

"on April 28th" -> 2023-04-28 (the year that puts the day nearest the period), "from April 26th to
28th" -> a range, "in October 2022" -> a month, "a week earlier" -> a week before the date mentioned
last. Month names come from dateparser's locale data, so English, Russian and Belarusian all work.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

from graph.ingest.candidates import DateMention, DateSpan, Span
from graph.ingest.date_words import (
    BACKWARD,
    FORWARD,
    NEXT_DAY,
    NUMBER_WORDS,
    PREVIOUS_DAY,
    UNIT_DAYS,
    month_numbers,
    month_pattern,
    unit_words,
)  # fmt: skip
from graph.ingest.tokens import WORD

DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th|-?(?:го|е|ого))?\b"
YEAR = r"(?P<{name}>(?:19|20)\d\d)\b(?:\s*(?:года|году|год|г\.))?"
DASH = r"\s*(?:–|—|-|to|till|until|through|and|по|до|і|и)\s*"
PART_OF_MONTH = (
    r"(?:early|mid|late|the\s+(?:beginning|middle|end|start)\s+of"
    r"|начале|середине|конце|пачатку|сярэдзіне|канцы)"
)
"""'in early June', 'in mid-August', 'в начале июня': the month, as precise as the text is."""
UNTIL = r"\b(?:until|till|through|up to|по|до)\s+(?:the\s+)?$"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    month = month_pattern()

    def m(name: str) -> str:
        return f"(?P<{name}>{month})"

    def d(name: str) -> str:
        return DAY.format(name=name)

    def y(name: str) -> str:
        return YEAR.format(name=name)

    shapes = [
        ("range", rf"{m('m1')}\s+{d('d1')},?(?:\s*{y('y1')})?{DASH}{m('m2')}\s+{d('d2')},?(?:\s*{y('y')})?"),
        ("range", rf"{d('d1')}\s+{m('m1')}(?:\s+{y('y1')})?{DASH}{d('d2')}\s+{m('m2')}(?:\s+{y('y')})?"),
        ("range", rf"{m('m1')}\s+{d('d1')}{DASH}{d('d2')}(?:,?\s*{y('y')})?"),
        ("range", rf"{d('d1')}{DASH}{d('d2')}\s+{m('m1')}(?:\s+{y('y')})?"),
        ("day", rf"{m('m1')}\s+{d('d1')}(?:,?\s*{y('y')})?"),
        ("day", rf"{d('d1')}\s+{m('m1')}(?:\s+{y('y')})?"),
        ("month", rf"{m('m1')}\s+{y('y')}"),
        ("month", rf"(?:\bin|\bв|\bу)\s+(?:{PART_OF_MONTH}[\s-]+)?{m('m1')}\b"),
        ("year", rf"(?:\bin|\bв|\bу)\s+{y('y')}"),
    ]
    return [(kind, re.compile(rf"(?<!\w){shape}", re.IGNORECASE)) for kind, shape in shapes]


LAST_YEAR = re.compile(r"\s+(?:of\s+)?(?:last\s+year|прошлого\s+года)", re.IGNORECASE)
"""'in March last year', 'в марте прошлого года'."""
NUMERIC = re.compile(
    r"(?<![\w.-])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r"|(?P<dd>[0-3]?\d)\.(?P<dm>[01]?\d)\.(?P<dy>(?:19|20)\d\d))(?![\w-])"
)
"""2020-09-11 and 11.09.2020."""
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
}  # fmt: skip
WEEKDAY = re.compile(
    r"(?<!\w)(?:(?:on|last|this)\s+)?(?P<en>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?<!\w)(?:в|во)\s+(?:минувш\w+\s+|прошл\w+\s+|эт\w+\s+)?"
    r"(?P<ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
    re.IGNORECASE,
)
TODAY = {"today": 0, "yesterday": -1, "сегодня": 0, "вчера": -1, "накануне": -1}
TODAY_WORD = re.compile(r"(?<!\w)(?P<w>today|yesterday|сегодня|вчера|накануне)(?!\w)", re.IGNORECASE)


def _numeric_and_weekdays(text: str, start: int, end: int, period: DateSpan | None) -> list[DateMention]:
    """ISO and dotted dates; weekdays and 'yesterday' resolved against the end of the period (for a news
    report, the day it was published): the last such day on or before it."""
    found: list[DateMention] = []
    for match in NUMERIC.finditer(text, start, end):
        g = match.groupdict()
        try:
            day = (
                date(int(g["iy"]), int(g["im"]), int(g["id"]))
                if g["iy"]
                else date(int(g["dy"]), int(g["dm"]), int(g["dd"]))
            )
        except ValueError:
            continue
        found.append(DateMention(Span(match.start(), match.end()), DateSpan(day, day, "day")))
    if period is None:
        return found
    for match in WEEKDAY.finditer(text, start, end):
        weekday = WEEKDAYS[(match.group("en") or match.group("ru")).lower()]
        day = period.end - timedelta(days=(period.end.weekday() - weekday) % 7)
        found.append(DateMention(Span(match.start(), match.end()), DateSpan(day, day, "day")))
    if period.end == period.start:
        for match in TODAY_WORD.finditer(text, start, end):
            day = period.end + timedelta(days=TODAY[match.group("w").lower()])
            found.append(DateMention(Span(match.start(), match.end()), DateSpan(day, day, "day")))
    return found


def find_dates(text: str, start: int, end: int, period: DateSpan | None) -> list[DateMention]:
    """Absolute dates between start and end, in text order, never overlapping."""
    found: list[DateMention] = _numeric_and_weekdays(text, start, end, period)
    for kind, pattern in _patterns():
        for match in pattern.finditer(text, start, end):
            span = Span(match.start(), match.end())
            if any(span.overlaps(f.span) for f in found) or _lowercase_month_in_english(match):
                continue
            value = _resolve(kind, match, period)
            if value is not None:
                bound = (
                    kind == "day" and re.search(UNTIL, text[max(0, span.start - 12) : span.start]) is not None
                )
                found.append(DateMention(span, value, is_end_bound=bound))
    return _without_named_weekdays(text, sorted(found, key=lambda f: f.span.start))


def _without_named_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """'on Friday, June 28', 'Tuesday, April 12, 2022', 'в пятницу, 28 июня': the date after the weekday
    says the day; the weekday, counted back from the period's end, would only contradict it."""
    kept: list[DateMention] = []
    for index, mention in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        named = (
            following is not None
            and WEEKDAY.fullmatch(text, mention.span.start, mention.span.end) is not None
            and re.fullmatch(r"[,\s]*", text[mention.span.end : following.span.start]) is not None
        )
        if not named:
            kept.append(mention)
    return kept


def _lowercase_month_in_english(match: re.Match[str]) -> bool:
    month = match.group("m1") if "m1" in match.groupdict() else None
    return bool(month and month.isascii() and month[0].islower() and month.lower() == "may")


def _resolve(kind: str, match: re.Match[str], period: DateSpan | None) -> DateSpan | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    year = int(groups["y"]) if "y" in groups else None
    if kind == "year":
        return DateSpan(date(year, 1, 1), date(year, 12, 31), "year") if year else None
    month1 = month_numbers()[groups["m1"].lower().rstrip(".")]
    if kind == "month":
        if year is None and period is not None and LAST_YEAR.match(match.string, match.end()):
            year = period.end.year - 1
        year = year or _nearest_year(month1, 1, period)
        if year is None:
            return None
        return DateSpan(date(year, month1, 1), date(year, month1, monthrange(year, month1)[1]), "month")
    month2 = month_numbers()[groups["m2"].lower().rstrip(".")] if "m2" in groups else month1
    day1, day2 = int(groups["d1"]), int(groups.get("d2", groups["d1"]))
    year2 = year or _nearest_year(month2, day2, period)
    year1 = int(groups["y1"]) if "y1" in groups else year2
    if year1 is None or year2 is None:
        return None
    if (month1, day1) > (month2, day2) and "y1" not in groups:
        year1 -= 1
    try:
        first, last = date(year1, month1, day1), date(year2, month2, day2)
    except ValueError:
        return None
    if last < first:
        return None
    return DateSpan(first, last, "day" if first == last else "range")


def _nearest_year(month: int, day: int, period: DateSpan | None) -> int | None:
    if period is None:
        return None
    best: tuple[int, int] | None = None
    for year in (period.start.year - 1, period.start.year, period.end.year, period.end.year + 1):
        try:
            moment = date(year, month, min(day, monthrange(year, month)[1]))
        except ValueError:
            continue
        gap = (
            0
            if period.start <= moment <= period.end
            else min(abs((moment - period.start).days), abs((moment - period.end).days))
        )
        if moment > period.end:
            gap *= 2  # news tells what happened: a month named without a year is more likely past
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


def find_relative(text: str, start: int, end: int, anchor: date) -> list[DateMention]:
    """'a week earlier', 'two days later', 'неделей ранее', 'the next day', relative to anchor."""
    found: list[DateMention] = []
    for phrases, shift in ((NEXT_DAY, 1), (PREVIOUS_DAY, -1)):
        for phrase in phrases:
            for match in _phrase(phrase).finditer(text, start, end):
                found.append(_shifted(Span(match.start(), match.end()), anchor, shift))
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]
    for index, (_, _, word) in enumerate(words):
        unit = unit_words().get(word)
        if unit is None:
            continue
        before = words[index - 1] if index > 0 else None
        after = words[index + 1] if index + 1 < len(words) else None
        count = _count(before[2]) if before else 0
        first, last = (before if count and before else words[index]), words[index]
        direction = 0
        if after and after[2] in BACKWARD | FORWARD:
            direction, last = (-1 if after[2] in BACKWARD else 1), after
        elif before and before[2] in FORWARD:
            direction, first = 1, before
        elif count and index >= 2 and words[index - 2][2] in FORWARD:
            direction, first = 1, words[index - 2]
        if direction == 0:
            continue
        span = Span(first[0], last[1])
        if not any(span.overlaps(f.span) for f in found):
            found.append(_shifted(span, anchor, direction * max(count, 1) * UNIT_DAYS[unit]))
    return sorted(found, key=lambda f: f.span.start)


@lru_cache(maxsize=512)
def _phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


def _shifted(span: Span, anchor: date, days: int) -> DateMention:
    moment = anchor + timedelta(days=days)
    return DateMention(span, DateSpan(moment, moment, "day"))
