"""A digest read once: header, sentences, words, and every actor, date and sum of money found in it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from graph.errors import Location, ValidationFailed
from graph.ingest.candidates import DateMention, DateSpan, Mention, MoneyMention, Span
from graph.ingest.dates import find_dates
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.header import Header, parse_header
from graph.ingest.money import find_money
from graph.ingest.names import propose_names
from graph.ingest.segments import Sentence, sentences
from graph.ingest.tokens import Token, tokenize


@dataclass
class Digest:
    path: Path
    text: str
    header: Header
    period: DateSpan
    period_stated: bool
    sentences: list[Sentence]
    tokens: list[Token]
    mentions: list[Mention]
    dates: list[DateMention]
    money: list[MoneyMention]

    @property
    def language(self) -> str:
        return self.header.language

    def quote(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def tokens_in(self, span: Span) -> list[Token]:
        return [t for t in self.tokens if span.start <= t.start and t.end <= span.end]

    def mentions_in(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if span.start <= m.span.start and m.span.end <= span.end]

    def dates_in(self, span: Span) -> list[DateMention]:
        return [d for d in self.dates if span.start <= d.span.start and d.span.end <= span.end]

    def money_in(self, span: Span) -> list[MoneyMention]:
        return [m for m in self.money if span.start <= m.span.start and m.span.end <= span.end]


def read_digest(path: Path, gazetteer: Gazetteer, period: DateSpan | None = None) -> Digest:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationFailed(f"cannot read digest: {error}", location=Location(file=str(path))) from error
    if not text.strip():
        raise ValidationFailed("digest is empty", location=Location(file=str(path)))
    return analyse(path, text, gazetteer, period)


def analyse(path: Path, text: str, gazetteer: Gazetteer, period: DateSpan | None = None) -> Digest:
    header = parse_header(text)
    stated = period is not None or header.period is not None
    week = period or header.period or _guess_period(text, header, path)
    body = header.body
    tokens = tokenize(text, body.start, body.end)
    known = gazetteer.find(text, tokens)
    proposed = [_resolve_fuzzily(m, gazetteer) for m in propose_names(text, tokens, known, header.language)]
    mentions = sorted(known + proposed, key=lambda m: m.span.start)
    return Digest(
        path=path,
        text=text,
        header=header,
        period=week,
        period_stated=stated,
        sentences=sentences(text, body),
        tokens=tokens,
        mentions=mentions,
        dates=find_dates(text, body.start, body.end, week),
        money=find_money(text, body.start, body.end),
    )


def _resolve_fuzzily(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """'Security Council' -> Security Council of Russia when that is the only close name of its kind."""
    proposed = mention.best
    similar = gazetteer.similar(proposed.name, proposed.kind)
    found = gazetteer.lookup(proposed.name) or ([similar] if similar else [])
    if not found:
        return mention
    close = replace(found[0], confidence=0.7)
    return Mention(mention.span, (close, *mention.candidates), mention.surface)


def _guess_period(text: str, header: Header, path: Path) -> DateSpan:
    """No week in the header: the span of fully dated days in the body, else the file's own week."""
    dated = [m.value for m in find_dates(text, header.body.start, header.body.end, None)]
    days = [d.start for d in dated if d.precision in {"day", "range"}]
    if days:
        return DateSpan(min(days), max(d.end for d in dated if d.precision in {"day", "range"}), "range")
    try:
        modified = date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        modified = date.today()
    monday = modified - timedelta(days=modified.weekday())
    return DateSpan(monday, monday + timedelta(days=6), "range")
