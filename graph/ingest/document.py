"""A digest read once: header, sentences, words, and every actor, date and sum of money found in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from graph.errors import Location, ValidationFailed
from graph.ingest.bodies import bodies_named_by_place
from graph.ingest.candidates import DateMention, DateSpan, Mention, MoneyMention, Span
from graph.ingest.dates import find_dates
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.governments import governments_named_by_adjective
from graph.ingest.header import Header, parse_header
from graph.ingest.language import FULLY_READ, Paragraph, main_language, paragraphs
from graph.ingest.money import find_money
from graph.ingest.names import propose_names
from graph.ingest.offices import office_mentions
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
    language: str
    """The language most of the body is in."""
    paragraphs: dict[int, Paragraph]
    countries: dict[str, str] = field(default_factory=dict)
    """Actor id -> its country's (or parent place's) id, from the reference data."""
    country_names: dict[str, str] = field(default_factory=dict)
    office_holders: frozenset[str] = frozenset()
    """The people of the office-holder table (graph/ingest/holders.yaml): officials, named by title."""
    period_note: str | None = None
    """How the period was found when the text's header does not state it."""

    @property
    def main_country(self) -> str | None:
        """The country the text names most often (itself, its government, its people)."""
        counts: dict[str, int] = {}
        for mention in self.mentions:
            actor = mention.best
            country = actor.id if actor.kind == "country" else self.countries.get(actor.id)
            if country:
                counts[country] = counts.get(country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    def language_of(self, sentence: Sentence) -> str:
        found = self.paragraphs.get(sentence.paragraph)
        return found.language if found else self.language

    @property
    def unread(self) -> list[Paragraph]:
        """Paragraphs of the body in a language the rules do not read fully."""
        body = self.header.body
        return [
            p
            for p in self.paragraphs.values()
            if p.language not in FULLY_READ and body.start <= p.span.start < body.end
        ]

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

    def sentence_after(self, start: int) -> Sentence | None:
        """The sentence right after the one that starts at `start`; None after the last one."""
        index = next((i for i, s in enumerate(self.sentences) if s.span.start == start), None)
        if index is None or index + 1 >= len(self.sentences):
            return None
        return self.sentences[index + 1]


def read_digest(
    path: Path, gazetteer: Gazetteer, period: DateSpan | None = None, published: date | None = None
) -> Digest:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationFailed(f"cannot read digest: {error}", location=Location(file=str(path))) from error
    if not text.strip():
        raise ValidationFailed("digest is empty", location=Location(file=str(path)))
    return analyse(path, text, gazetteer, period, published)


def analyse(
    path: Path,
    text: str,
    gazetteer: Gazetteer,
    period: DateSpan | None = None,
    published: date | None = None,
) -> Digest:
    """`period` (--period) wins over the header's week; `published` (--date) is the day the text came out,
    used when neither states a period."""
    header = parse_header(text)
    stated = period is not None or header.period is not None or published is not None
    note = None
    if period or header.period:
        week = period or header.period
    elif published:
        week = DateSpan(published, published, "range")
        note = f"the period is the publication date given with --date ({published.isoformat()})"
    else:
        week, note = _guess_period(text, header, path)
    assert week is not None
    body = _with_headline(text, header)
    found = paragraphs(text, Span(0, len(text)) if body.start >= body.end else body)
    language = main_language(found, body)
    tokens = tokenize(text, body.start, body.end)
    known = gazetteer.find(text, tokens)
    languages = [(p.span, p.language) for p in found]
    proposed = [_resolve_fuzzily(m, gazetteer) for m in propose_names(text, tokens, known, languages)]
    named = bodies_named_by_place(text, sorted(known + proposed, key=lambda m: m.span.start))
    named = governments_named_by_adjective(tokens, named, gazetteer)
    money = find_money(text, body.start, body.end)
    mentions = _outside_sums(office_mentions(tokens, named, gazetteer, week.start, text), money)
    return Digest(
        path=path,
        text=text,
        header=header,
        period=week,
        period_stated=stated,
        sentences=[s for s in sentences(text, body) if not TRUNCATION.match(text, s.span.start)],
        tokens=tokens,
        mentions=mentions,
        dates=find_dates(text, body.start, body.end, week),
        money=money,
        language=language,
        paragraphs={p.index: p for p in found},
        countries=gazetteer.countries,
        country_names={k: a.name for k, a in gazetteer.actors.items() if a.kind == "country"},
        office_holders=frozenset(p.id for p in gazetteer.holders.people),
        period_note=note,
    )


TRUNCATION = re.compile(r"\s*\[\s*(?:…|\.\.\.)[^\]\n]*\]")
"""'[... excerpt truncated ...]': a note, not text; what follows it is read like the rest."""


def _outside_sums(mentions: list[Mention], money: list[MoneyMention]) -> list[Mention]:
    """'200 million US dollars', '5 млн российских рублей': a country inside a sum names its currency,
    not a party to the event."""
    return [m for m in mentions if not any(m.span.overlaps(s.span) for s in money)]


def _with_headline(text: str, header: Header) -> Span:
    """The body, from the headline on: a headline reports events too (they merge with the body's)."""
    if not header.title:
        return header.body
    start = text.rfind(header.title, 0, header.body.start)
    return Span(start, header.body.end) if start >= 0 else header.body


def _resolve_fuzzily(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """'Security Council' -> Security Council of Russia when that is the only close name of its kind."""
    proposed = mention.best
    similar = gazetteer.similar(proposed.name, proposed.kind)
    found = gazetteer.lookup(proposed.name) or ([similar] if similar else [])
    if not found:
        return mention
    close = replace(found[0], confidence=0.7)
    return Mention(mention.span, (close, *mention.candidates), mention.surface)


def _guess_period(text: str, header: Header, path: Path) -> tuple[DateSpan, str]:
    """No week in the header and none given: the span of fully dated days in the text (never the file's
    modification time, which says when it was copied, not when it was written)."""
    dated = [m.value for m in find_dates(text, 0, len(text), None)]
    days = [d for d in dated if d.precision in {"day", "range"}]
    if days:
        span = DateSpan(min(d.start for d in days), max(d.end for d in days), "range")
        return span, f"the period {span} is the span of the days the text names; give --date or --period"
    raise ValidationFailed(
        "the text states no date and no period was given: pass --date (the day it was published) "
        "or --period START/END",
        location=Location(file=str(path)),
    )
