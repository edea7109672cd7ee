"""Names the gazetteer does not know, proposed as new actors so nothing is silently dropped.

Russian text goes through natasha's NER (its model ships inside the package). English has no offline
NER here, so capitalised word runs are kept only with evidence of what they are: a title before a
person ("Governor ..."), a first name pymorphy3 knows, or an organisation word ("Committee", "Institute").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise
from typing import Any

from graph.ingest.apposition import listed_beside, titled_after
from graph.ingest.candidates import ActorKind, ActorRef, Mention, Span
from graph.ingest.capitalised_runs import CONNECTORS, acronyms, capitalised_runs, is_month, split_on_and
from graph.ingest.lexicon import LOCATIVE, ORG_HEADS, ORIGIN, PERSON_TITLES, SETTLEMENTS
from graph.ingest.name_cases import CYRILLIC_WORD, couple, nominative
from graph.ingest.places import known_city
from graph.ingest.tokens import Token, _morph
from graph.ingest.translit import TO_CYRILLIC, looks_like_first_name, slug

NER_KINDS: dict[str, ActorKind] = {"PER": "person", "ORG": "organization", "LOC": "city"}
REGION_WORDS = re.compile(r"област|край|республик|округ|oblast|region|krai|republic", re.IGNORECASE)
BLOC_WORDS = re.compile(r"союз|содружеств|альянс|НАТО|ООН|ОДКБ|ЕАЭС|СНГ|^ЕС$")
SURNAME_ENDINGS = re.compile(
    r"(?:ov|ev|yov|in|yn|enko|enka|ka|ko|sky|ski|skiy|skaya|ska|ova|eva|ina|ich|vich|uk|yuk|chuk|yan)$"
)
AGE = re.compile(r",\s*\d{1,2},")
"""'Andrej Bykaŭ, 51, ...': a name followed by an age."""
NOT_SURNAMES = {"Day", "Days", "Parade", "Week", "Forum", "Council", "Summit", "Games", "Cup", "Square",
                "Street", "Avenue", "Palace", "Hall", "Prize", "Award", "Order", "Medal"}  # fmt: skip
ROLE_NOUNS = {
    "activist", "activists", "journalist", "journalists", "priest", "lawyer", "blogger", "coach", "member",
    "co-chair", "opposition", "politician", "associate", "spokesperson", "athlete", "writer", "leader",
    "editor", "correspondent", "economist", "analyst", "businessman", "student", "teacher", "doctor",
    "official", "diplomat", "chairman", "governor", "ambassador", "photographer", "colleague", "wife",
    "husband", "son", "daughter", "brother", "sister", "mother", "father", "named", "dubbed", "judge",
    "prosecutor", "investigator", "nurse", "musician", "artist", "poet", "philosopher", "director",
}  # fmt: skip
"""Words before a name that say it is a person's ('activist Mikhail Varantsou')."""
FIRST_NAMES = {
    "syarhei", "siarhei", "sergei", "mikalai", "leanid", "maryna", "pavieł", "pavel", "paval", "ihar",
    "aliaksandr", "alaksandr", "alyaksandr", "uladzimir", "yauhen", "dzmitry", "aliaksei", "raman",
    "viachaslau", "vyachaslau", "katsiaryna", "volha", "tatsiana", "sviatlana", "maksim", "ales", "aleś",
    "yury", "yuras", "palina", "iryna", "larysa", "hanna", "anatol", "andrej", "andrei", "alena", "nasta",
    "ksenia", "kseniya", "ihnat", "zmitser", "valiantsin", "mikhas", "natallia", "alina", "vital",
    "jaŭhien", "jauhien", "leon", "dzianis", "dzyanis", "ryhor", "zianon", "franak", "kiryl",
}  # fmt: skip
"""Belarusian first names in Latin letters that pymorphy3's Russian dictionary does not know."""
TITLE_MODIFIERS = {"prime", "foreign", "vice", "first", "acting", "former", "defence", "defense", "self"}
ID_PREFIX = {
    "person": "person",
    "organization": "org",
    "country": "country",
    "region": "region",
    "city": "city",
}


def proposal(name: str, kind: ActorKind, confidence: float) -> ActorRef:
    return ActorRef(f"{ID_PREFIX[kind]}:{slug(name)}", name, kind, known=False, confidence=confidence)


CYRILLIC_LANGUAGES = {"ru", "be", "uk"}


def propose_names(
    text: str, tokens: list[Token], known: list[Mention], languages: list[tuple[Span, str]]
) -> list[Mention]:
    """natasha's NER over the paragraphs in Cyrillic languages, the capitalised-run rules over the rest
    (`languages`: each paragraph's span and language)."""
    taken = [m.span for m in known]
    cyrillic = [span for span, language in languages if language in CYRILLIC_LANGUAGES]
    found: list[Mention] = []
    if cyrillic:
        found += _russian_names(_only(text, cyrillic), tokens)
    latin = [t for t in tokens if not any(s.start <= t.start < s.end for s in cyrillic)]
    if latin:
        found += _english_names(text, latin, taken, known)
    return [m for m in found if not any(m.span.overlaps(t) for t in taken)]


def _only(text: str, spans: list[Span]) -> str:
    """The text with everything outside `spans` blanked (offsets unchanged)."""
    kept = [" " if c != "\n" else c for c in text]
    for span in spans:
        kept[span.start : span.end] = text[span.start : span.end]
    return "".join(kept)


@lru_cache(maxsize=1)
def _natasha() -> tuple[Any, Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter  # type: ignore[import-untyped]

    return Segmenter(), None, NewsNERTagger(NewsEmbedding())


def _russian_names(text: str, tokens: list[Token]) -> list[Mention]:
    from natasha import Doc

    segmenter, _, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    found: list[Mention] = []
    body = Span(tokens[0].start, tokens[-1].end) if tokens else Span(0, 0)
    for span in doc.spans:
        if not (body.start <= span.start and span.stop <= body.end):
            continue
        kind: ActorKind = NER_KINDS.get(span.type, "organization")
        if kind == "city" and REGION_WORDS.search(span.text):
            kind = "region"
        elif kind == "city" and BLOC_WORDS.search(span.text):
            kind = "organization"  # 'Евросоюз', 'Евразийский экономический союз' act; they are no city
        name = nominative(span.text, kind)
        found.append(Mention(Span(span.start, span.stop), (proposal(name, kind, 0.6),), span.text))
    named = _russian_surnames_again(_couples(text, found))
    return named + _surnames_untagged(text, tokens, named)


def _couples(text: str, found: list[Mention]) -> list[Mention]:
    """'Вячеслава и Марину Косинеровых': the first name alone takes the couple's surname."""
    result = list(found)
    for i, (one, other) in enumerate(pairwise(found)):
        if one.best.kind != "person" or other.best.kind != "person":
            continue
        if text[one.span.end : other.span.start].strip() not in {"и", "и\xa0"}:
            continue
        names = couple(one.surface, other.surface)
        if names is not None:
            result[i] = Mention(one.span, (proposal(names[0], "person", 0.6),), one.surface)
            result[i + 1] = Mention(other.span, (proposal(names[1], "person", 0.6),), other.surface)
    return result


def _russian_surnames_again(found: list[Mention]) -> list[Mention]:
    """'Алексеем Текслером ... Текслер отметил ... встречи с Текслером': a surname alone, in whatever case,
    names the person the text named in full (when exactly one person of that surname was named)."""
    people = [m for m in found if m.best.kind == "person" and len(m.best.name.split()) > 1]
    result: list[Mention] = []
    for mention in found:
        words = mention.surface.split()
        if mention.best.kind != "person" or len(words) != 1 or not CYRILLIC_WORD.match(words[0]):
            result.append(mention)
            continue
        exact = {m.best.id: m for m in people if m.best.name.split()[-1] == words[0]}
        close = {m.best.id: m for m in people if _same_surname(words[0], m.best.name.split()[-1])}
        chosen = exact if exact else close
        if len(chosen) == 1:
            [person] = chosen.values()
            mention = Mention(mention.span, person.candidates, mention.surface)
        result.append(mention)
    return result


def _surnames_untagged(text: str, tokens: list[Token], found: list[Mention]) -> list[Mention]:
    """'Павел Прокопович ... Прокопович — 25 базовых величин': a capitalised word the NER left untagged
    that is the surname (in any case) of exactly one person the text named in full before it."""
    people = [m for m in found if m.best.kind == "person" and len(m.best.name.split()) > 1]
    again: list[Mention] = []
    for token in tokens:
        span = Span(token.start, token.end)
        word = text[token.start : token.end]
        inside = any(span.overlaps(m.span) for m in found)
        if inside or not CYRILLIC_WORD.match(word) or not word[:1].isupper():
            continue
        earlier = {m.best.id: m for m in people if m.span.end <= span.start}
        same = [m for m in earlier.values() if _same_surname(word, m.best.name.split()[-1])]
        if len(same) == 1:
            again.append(Mention(span, same[0].candidates, word))
    return again


def _same_surname(word: str, surname: str) -> bool:
    """'Текслером' and 'Текслер', 'Петровой' and 'Петрова': the word is the surname with a case ending."""
    word, surname = word.lower(), surname.lower()
    stem = surname[:-1] if surname[-1:] in {"а", "я", "й", "ь"} else surname
    return len(stem) >= 3 and word.startswith(stem) and len(word) - len(stem) <= 3


def _english_names(text: str, tokens: list[Token], taken: list[Span], known: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    unknown: list[Span] = []  # two capitalised words that may yet be a person listed beside one
    for run in split_on_and(capitalised_runs(text, tokens, taken)):
        titled = any(
            t.norm in PERSON_TITLES or t.norm in ROLE_NOUNS
            for t in tokens
            if run[0].start - 25 <= t.end <= run[0].start
        )
        while run and (
            run[0].norm in PERSON_TITLES or run[0].norm in TITLE_MODIFIERS or run[0].norm in ROLE_NOUNS
        ):
            titled, run = True, run[1:]
        titled = titled and not _title_cased(text, run[0].start) if run else titled
        while run and run[0].text in CONNECTORS:
            run = run[1:]
        if not run:
            continue
        if len(run) > 3 and _first_name(run[-2].text) and _surname_like(run[-1].text):
            titled, run = True, run[-2:]
        run = _before_title(run)
        words = [t.text for t in run]
        span = Span(run[0].start, run[-1].end)
        titled = titled or titled_after(text, span.end)  # 'Łukasz Jasina, spokesman for ...'
        after_of = text[max(0, span.start - 3) : span.start].strip() == "of"
        after_of = after_of and not (_first_name(words[0]) and _surname_like(words[-1]))  # 'of Ivan Petrov'
        if any(w.lower() in ORG_HEADS for w in words) and text.endswith("U.S. ", 0, span.start):
            span = Span(span.start - 5, span.end)  # 'the U.S. Treasury': the country is part of the name
        name = text[span.start : span.end]
        if any(w.lower() in ORG_HEADS for w in words):
            found.append(Mention(span, (proposal(name, "organization", 0.5),), name))
        elif (
            2 <= len(words) <= 3
            and not after_of
            and words[-1] not in NOT_SURNAMES
            and not words[-1].isupper()
            and all(w.isalpha() for w in words)
            and (titled or (_first_name(words[0]) and (_surname_like(words[-1]) or len(words) == 2)))
        ):
            found.append(Mention(span, (proposal(name, "person", 0.7 if titled else 0.5),), name))
        elif (
            _after_place_word(run[0], tokens)
            and (city := known_city(name)) is not None
            and not is_month(name)
        ):
            found.append(Mention(span, (proposal(city.name, "city", 0.5),), name))
        elif len(words) == 2 and all(w.isalpha() for w in words) and not after_of:
            unknown.append(span)
    people = [m.span for m in [*known, *found] if m.best.kind == "person"]
    found += [
        Mention(s, (proposal(text[s.start : s.end], "person", 0.5),), text[s.start : s.end])
        for s in listed_beside(text, unknown, people)
    ]
    found += [
        Mention(span, (proposal(word, "organization", 0.4),), word)
        for span, word in acronyms(tokens, taken + [m.span for m in found])
    ]
    return found + _surnames_again(text, tokens, found, taken, known)


MINOR_WORDS = {"a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "and", "or", "with", "from", "as"}


def _title_cased(text: str, at: int) -> bool:
    """'Journalist Fined for Contribution to Belsat in Pinsk': in a headline (a line that capitalises
    nearly every word and ends without a stop), a capital says nothing, so a title before capitalised
    words is no evidence of a name."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    if line.endswith((".", ";", ":", ",")):
        return False  # a sentence or an item of a list, not a headline
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return len(major) >= 4 and sum(1 for w in major if w[0].isupper()) >= 0.8 * len(major)


def _before_title(run: list[Token]) -> list[Token]:
    """'appointed Ivan Petrov Minister of Economy': a first name and surname run on into the post."""
    cut = next((i for i, t in enumerate(run) if i >= 2 and t.norm in PERSON_TITLES), len(run))
    return run[:cut] if cut < len(run) and _first_name(run[0].text) else run


def _first_name(word: str) -> bool:
    """'Ivan', 'Aliaksandr', and with its accents dropped a Central European one ('Tomáš', 'Radosław')."""
    plain = _without_accents(word)
    return (
        word.lower() in FIRST_NAMES
        or looks_like_first_name(word)
        or (plain != word and (plain.lower() in FIRST_NAMES or looks_like_first_name(plain)))
    )


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _after_place_word(first: Token, tokens: list[Token]) -> bool:
    """Only 'in X', 'to X', 'visited X' may name an unknown city: other capitalised words are too noisy."""
    before = [t.norm for t in tokens if t.end <= first.start][-2:]
    if before and before[0] in SETTLEMENTS and before[-1] == "of":  # 'the city of Hrodna'
        return True
    before = [w for w in before if w != "the"][-1:]
    return bool(before) and before[0] in LOCATIVE | ORIGIN | {"visited", "visiting", "visit"}


AMBIGUOUS = Mention(Span(0, 0), ())
"""A surname two people named before bear: it names neither."""


def _surnames_again(
    text: str, tokens: list[Token], found: list[Mention], taken: list[Span], known: list[Mention]
) -> list[Mention]:
    """'Alexander Moor ... According to Moor': the surname alone names the person proposed (or known by
    name) before, when no other person named before bears it."""
    people: dict[str, Mention] = {}
    named = sorted([*known, *found], key=lambda m: m.span.start)
    for mention in (m for m in named if m.best.kind == "person" and len(m.surface.split()) > 1):
        for surname in {mention.best.name.split()[-1], mention.surface.split()[-1]}:
            other = people.get(surname)
            ambiguous = other is AMBIGUOUS or (other is not None and other.best.id != mention.best.id)
            people[surname] = AMBIGUOUS if ambiguous else mention
    again: list[Mention] = []
    for token in tokens:
        person = people.get(token.text)
        span = Span(token.start, token.end)
        if (
            person
            and person is not AMBIGUOUS
            and token.start > person.span.start
            and not any(span.overlaps(t) for t in taken + [m.span for m in found])
        ):
            again.append(Mention(span, person.candidates, token.text))
    return again


def _surname_like(word: str) -> bool:
    if SURNAME_ENDINGS.search(word):
        return True
    cyrillic = word.lower()
    for latin, letter in TO_CYRILLIC:
        cyrillic = cyrillic.replace(latin, letter)
    return any("Surn" in p.tag for p in _morph().parse(cyrillic)[:3])
