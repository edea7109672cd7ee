"""People named by their office: "the president", "the deputy PM", "глава государства", "the Belarusian
leader", "Kozhemyako ... the governor". Each becomes a mention of the person who holds that office.

Who holds it: the person the text itself gave that title last ("Governor Oleg Kozhemyako ... the
governor"), else the holder on the text's date in the dated table (graph/ingest/holders.yaml) of the
country, region or body the title names ("Russian President", "президент РФ", "the governor of the Pskov
region", "Pskov Governor", "the Russian ambassador to Belarus") or, failing that, of the country the text
speaks of most; else the holder in the seed files' offices (graph.model Office records).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from graph.ingest.candidates import Mention, Span
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.office_words import (
    ADJECTIVES,
    BETWEEN_TITLE_AND_NAME,
    HOST_WORDS,
    INTRINSIC,
    MAX_LONGEST,
    NEEDS_COUNTRY,
    OTHER_OFFICE,
    POST_INTRODUCERS,
    POST_NOUNS,
    REGION_HEADS,
    TITLES,
)
from graph.ingest.tokens import CYRILLIC, Token, _morph, grammemes


@dataclass(frozen=True)
class _Title:
    first: int
    last: int
    key: str
    country: str | None


def office_mentions(
    tokens: list[Token], mentions: list[Mention], gazetteer: Gazetteer, on: date | None = None, text: str = ""
) -> list[Mention]:
    """`mentions` with every title that names a person (and is not followed by the name) replaced by a
    mention of that person (its holder `on` the text's date); a country or region inside the title
    ('глава Белоруссии', 'Pskov Governor') is consumed by it."""
    if not tokens:
        return mentions
    at = {m.span.start: m for m in mentions}
    ending = {m.span.end: m for m in mentions}
    ends = {t.end: i for i, t in enumerate(tokens)}
    main = _main_country(mentions, gazetteer)
    seen: dict[tuple[str, str | None], Mention] = {}
    added: list[Mention] = []
    consumed: set[Span] = set()
    index = 0
    while index < len(tokens):
        title = _title_at(tokens, index)
        if title is None:
            index += 1
            continue
        key, country, last = title.key, title.country, title.last
        following = _following(tokens, last, at)
        straddling = _straddling(tokens[title.first].start, tokens[last], mentions)
        if straddling is not None:
            following = [straddling]
        after = next((m for m in following if m is not None), None)
        own: Span | None = None
        of: str | None = None
        if after is not None and after.best.kind != "person" and after.span.end in ends:
            if after.best.kind == "country":
                country = country or after.best.id
            else:
                of = after.best.id
            own, last = after.span, ends[after.span.end]
        index = last + 1
        if _of_a_post(tokens, title.first, last) or _other_office(tokens, title.first):
            continue
        if _plural(tokens, title) or _post_given(text, tokens, title.first, ending):
            continue
        first = title.first
        bare = country is None and of is None
        region_before = _region_before(tokens, first, ending) if key in REGION_HEADS and bare else None
        if region_before is not None:
            of, own, first = region_before.best.id, region_before.span, first - 1
        named = _named_after(tokens, last, at)
        if named is not None and not _agrees(tokens[title.first], named):
            named = None
        named = named or _apposed(text, tokens, first, ending)
        if key in NEEDS_COUNTRY:
            if country is None and of is None:
                continue
            key = "president"
        if key in INTRINSIC:
            country, of = INTRINSIC[key], None
        if named is not None:
            seen[(key, of or country)] = seen[(key, None)] = named
            continue
        to = _host(tokens, last, at) if key == "ambassador" else None
        person = None
        if country is None and of is None:
            earlier = [m for m in [*mentions, *added] if m.span.start < tokens[first].start]
            person = _named_holder(key, earlier, gazetteer, on)
        person = person or _holder(key, of or country, seen, gazetteer, main, (to, on))
        if person is not None:
            if own is not None:
                consumed.add(own)
            span = Span(tokens[first].start, tokens[last].end)
            written = " ".join(t.text for t in tokens[first : last + 1])  # its case tells its role
            added.append(Mention(span, person.candidates, written))
    kept = [m for m in mentions if m.span not in consumed and not any(m.span.overlaps(a.span) for a in added)]
    return sorted(kept + added, key=lambda m: m.span.start)


def _following(tokens: list[Token], last: int, at: dict[int, Mention]) -> list[Mention | None]:
    """What may complete the title right after it: 'Russian President', 'governor of the Pskov region',
    'глава МИД Беларуси' (only 'of' and 'the' may come between)."""
    found: list[Mention | None] = []
    for i in range(last + 1, min(last + 4, len(tokens))):
        found.append(at.get(tokens[i].start))
        if found[-1] is not None or tokens[i].norm not in {"of", "the"}:
            break
    return found


def _straddling(start: int, last: Token, mentions: list[Mention]) -> Mention | None:
    """'глава МИД Беларуси' where 'МИД Беларуси' is one name: the ministry whose head it is."""
    return next((m for m in mentions if start <= m.span.start <= last.start and m.span.end > last.end), None)


def _title_at(tokens: list[Token], index: int) -> _Title | None:
    first, country = index, None
    if tokens[index].norm in ADJECTIVES:
        country, index = ADJECTIVES[tokens[index].norm], index + 1
    for length in range(MAX_LONGEST, 0, -1):
        words = tuple(t.norm for t in tokens[index : index + length])
        if len(words) == length and words in TITLES:
            return _Title(first, index + length - 1, TITLES[words], country)
    return None


def _named_after(tokens: list[Token], last: int, at: dict[int, Mention]) -> Mention | None:
    """'President Putin', 'Governor of Primorye Oleg Kozhemyako', 'President of Belarus, Alexander
    Lukashenko': the person named right after the title."""
    for step in range(1, 6):
        if last + step >= len(tokens):
            return None
        mention = at.get(tokens[last + step].start)
        if mention is not None and mention.best.kind == "person":
            return mention
        token = tokens[last + step]
        if not (token.text[:1].isupper() or token.norm in BETWEEN_TITLE_AND_NAME or mention is not None):
            return None
    return None


def _of_a_post(tokens: list[Token], first: int, last: int) -> bool:
    """'назначен помощником президента', 'the aide to the president', 'the president's representative'
    (the tokens leave out the "'s")."""
    before = [t.norm for t in tokens[max(0, first - 3) : first]]
    while before and before[-1] in {"of", "to", "the"}:
        before.pop()
    after = tokens[last + 1 : last + 2]
    possessive = bool(after) and after[0].norm in POST_NOUNS and after[0].text.isascii()
    return (bool(before) and before[-1] in POST_NOUNS) or possessive


def _other_office(tokens: list[Token], first: int) -> bool:
    return first > 0 and tokens[first - 1].norm in OTHER_OFFICE


def _agrees(title: Token, named: Mention) -> bool:
    """'Президента Беларуси Александра Лукашенко': a Russian title and the name after it share a case;
    'Указом Президента Беларуси Иван Петров освобожден' names the president's decree and its subject, not
    the president (the title is in the genitive, the name in the nominative)."""
    words = [w for w in named.surface.split() if CYRILLIC.search(w)]
    if not CYRILLIC.search(title.text) or not words:
        return True
    named_cases = _cases(words[0])
    return not named_cases or bool(_cases(title.text) & named_cases)


def _cases(word: str) -> set[str]:
    """Every case pymorphy3 reads the word in (none for a word that does not decline)."""
    parses = _morph().parse(word.lower())
    if any("Fixd" in p.tag for p in parses[:1]):
        return set()
    return {str(p.tag.case) for p in parses if p.tag.case}


def _named_holder(key: str, earlier: list[Mention], gazetteer: Gazetteer, on: date | None) -> Mention | None:
    """'Александр Лукашенко ... глава государства': a title with no country names the person the text
    named last who held that office on the day (of whichever country), before the text's main country
    is guessed."""
    if on is None:
        return None
    office = "governor" if key in {"governor", "head"} else key
    for person in reversed([m.best.id for m in sorted(earlier, key=lambda m: m.span.start)]):
        held = any(
            t.person == person and t.office == office and t.covers(on) for t in gazetteer.holders.terms
        )
        if held and person in gazetteer.actors:
            actor = gazetteer.actors[person]
            return Mention(Span(0, 0), (actor,), actor.name)
    return None


def _post_given(text: str, tokens: list[Token], first: int, ending: dict[int, Mention]) -> bool:
    """'назначил Ивана Петрова послом Беларуси в России', 'appointed Ivan Petrov ambassador', 'назначен
    послом': the title names the post someone is given (right after a post word, or right after a
    person's name with nothing between), never the one who holds it that day."""
    if first == 0:
        return False
    before = tokens[first - 1]
    if before.norm in POST_INTRODUCERS:
        return True
    person = ending.get(before.end)
    gap = text[before.end : tokens[first].start] if text else ","
    return person is not None and person.best.kind == "person" and gap.strip() == ""


def _apposed(text: str, tokens: list[Token], first: int, ending: dict[int, Mention]) -> Mention | None:
    """'Ivan Petrov, the Kremlin spokesman, said': a title set off by a comma right after a person's name
    is that person's, whoever the table says held it."""
    index = first - 1
    if index >= 0 and tokens[index].norm in {"the", "a", "an"}:
        index -= 1
    if index < 0 or not text:
        return None
    before = ending.get(tokens[index].end)
    if before is None or before.best.kind != "person":
        return None
    return before if text[tokens[index].end : tokens[index + 1].start].strip() == "," else None


def _plural(tokens: list[Token], title: _Title) -> bool:
    """'губернаторы регионов', 'российские губернаторы': no one person (the title's first word tells;
    'председатель Палаты представителей' is one)."""
    return "plur" in grammemes(tokens[title.first].text)


def _region_before(tokens: list[Token], first: int, ending: dict[int, Mention]) -> Mention | None:
    """'Pskov Governor', 'Bryansk governor': the region named right before the title."""
    if first == 0:
        return None
    before = ending.get(tokens[first - 1].end)
    return before if before is not None and before.best.kind == "region" else None


def _host(tokens: list[Token], last: int, at: dict[int, Mention]) -> str | None:
    """The country an ambassador serves in: 'to Belarus', 'в Беларуси' within the next words."""
    for step in range(1, 5):
        if last + step + 1 >= len(tokens):
            return None
        if tokens[last + step].norm in HOST_WORDS:
            mention = at.get(tokens[last + step + 1].start)
            return mention.best.id if mention is not None and mention.best.kind == "country" else None
    return None


def _holder(
    key: str,
    country: str | None,
    seen: dict[tuple[str, str | None], Mention],
    gazetteer: Gazetteer,
    main: str | None,
    when: tuple[str | None, date | None] = (None, None),
) -> Mention | None:
    """`country` is a country id or the id of the region or body whose office it is; `when` the host
    country of an ambassador and the text's date."""
    if (key, country) in seen:
        return seen[(key, country)]
    wanted = country or main
    to, on = when
    if wanted is not None and on is not None:
        dated = _dated_holder(key, wanted, to, on, gazetteer, main)
        if dated is not None:
            return dated or None
    holders = [
        o.person
        for o in gazetteer.offices
        if _title_matches(o.title, key) and (wanted is None or wanted in {o.country, o.of})
    ]
    if len(set(holders)) != 1:
        return None
    person = gazetteer.actors[holders[0]]
    return Mention(Span(0, 0), (person,), person.name)


def _dated_holder(
    key: str, wanted: str, to: str | None, on: date, gazetteer: Gazetteer, main: str | None
) -> Mention | Literal[False] | None:
    """The table's holder on the day; False when the table knows the office but nobody (or several)
    held it that day (the seed's undated offices must not answer then); None when it does not know it."""
    office, scope = key, wanted
    if wanted.startswith("region:"):
        if key not in REGION_HEADS:
            return None
        office = "governor"
    elif wanted.startswith("org:") and key != "state secretary":
        scope = gazetteer.countries.get(wanted) or wanted  # the ministry's or government's country
    if office == "ambassador":
        to = to or (main if main is not None and main != scope else None)
        if to is None:
            return False
    holders = gazetteer.holders
    if not any(t.office == office and t.of == scope for t in holders.terms):
        return None
    found = holders.at(office, scope, on, to)
    if len(found) != 1 or found[0] not in gazetteer.actors:
        return False
    person = gazetteer.actors[found[0]]
    return Mention(Span(0, 0), (person,), person.name)


def _title_matches(title: str, key: str) -> bool:
    lowered = title.lower()
    if key == "prime minister":
        return "prime minister" in lowered and "deputy" not in lowered
    if key == "president":
        return lowered.startswith("president")
    return key in lowered


def _main_country(mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
    """The country the text speaks of most (its own name, its government, its people)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        actor = mention.best
        country = actor.id if actor.kind == "country" else gazetteer.countries.get(actor.id)
        if country:
            counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None
