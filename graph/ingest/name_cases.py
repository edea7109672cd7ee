"""Russian names put back in the nominative: 'Владимиром Сальдо' is 'Владимир Сальдо', 'Марию Иванову'
'Мария Иванова', 'Следственного комитета' 'Следственный комитет'. pymorphy3 declines first names,
patronymics and the words of places and bodies; surnames, which it mostly does not know, are declined
here by their endings and the gender and case of the first name beside them."""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.candidates import ActorKind
from graph.ingest.tokens import _morph


def nominative(name: str, kind: ActorKind) -> str:
    """'Владимиром Сальдо' -> 'Владимир Сальдо', 'Следственного комитета' -> 'Следственный комитет':
    pymorphy3 puts a person's words, and the words of a place or body up to its head noun (adjectives
    agreeing with it), in the nominative; a genitive tail ('Министерство иностранных дел') stays."""
    words = name.split()
    parses = [_name_parse(w, kind) if CYRILLIC_WORD.match(w) else None for w in words]
    if kind == "person":
        return _person_nominative(words)
    head = next((i for i, p in enumerate(parses) if p is not None and "NOUN" in p.tag), None)
    if head is None:
        return name
    noun: Any = parses[head]
    agreement = {"nomn", *(g for g in (noun.tag.gender, noun.tag.number) if g)}
    result = [
        _inflected_word(w, p, agreement if i < head else {"nomn"}) if i <= head else w
        for i, (w, p) in enumerate(zip(words, parses, strict=True))
    ]
    return " ".join(result)


SURNAME_CASES: dict[str, list[tuple[str, str]]] = {
    "masc": [
        (r"(ск|цк)(?:их|ими)$", r"\1ий"), (r"([оеё]в|[иы]н)(?:ых|ыми)$", r"\1"),
        (r"(ск|цк)(?:ого|ому|им|ом)$", r"\1ий"), (r"([оеё]в|[иы]н)(?:ым|а|у|е)$", r"\1"),
        (r"(ич|ук|юк|чик)(?:а|у|ем|ом|е)$", r"\1"), (r"([бвгдзклмнпрстфхжшщ])(?:ом|ем)$", r"\1"),
    ],
    "femn": [
        (r"(ск|цк)(?:их|ими)$", r"\1ая"), (r"([оеё]в|[иы]н)(?:ых|ыми)$", r"\1а"),
        (r"(ск|цк)(?:ой|ую)$", r"\1ая"), (r"([оеё]в|[иы]н)(?:ой|у|ы)$", r"\1а"),
        (r"([^аеёиоуыэюя])(?:ую|ой)$", r"\1ая"),
    ],
}  # fmt: skip
"""A Russian surname's oblique endings, by the gender of the first name beside it: 'Марию Иванову' is
'Мария Иванова', 'Андреем Травниковым' 'Андрей Травников', 'Елену Толстую' 'Елена Толстая' (a surname
declined like an adjective); the plural of a couple's shared surname ('Марину Косинеровых') is read in the
gender of the first name beside it, 'Марина Косинерова' (pymorphy3 knows few surnames, and guesses
a man's name or an adjective for the rest)."""
MASCULINE_CASE_ENDINGS: dict[str, list[tuple[str, str]]] = {
    "gent": [
        (r"([бвгдзклмнпрстфхжшщц])а$", r"\1"), (r"([аеиоуэ])я$", r"\1й"), (r"([бвгдзклмнпрстфх])я$", r"\1ь"),
    ],
    "accs": [
        (r"([бвгдзклмнпрстфхжшщц])а$", r"\1"), (r"([аеиоуэ])я$", r"\1й"), (r"([бвгдзклмнпрстфх])я$", r"\1ь"),
    ],
    "datv": [
        (r"([бвгдзклмнпрстфхжшщц])у$", r"\1"), (r"([аеиоуэ])ю$", r"\1й"), (r"([бвгдзклмнпрстфх])ю$", r"\1ь"),
    ],
    "ablt": [(r"([аеиоуэ])ем$", r"\1й")],
    "loct": [(r"([бвгдзклмнпрстфхжшщц])е$", r"\1"), (r"([аеиоуэ])е$", r"\1й")],
}  # fmt: skip
"""A man's surname ending in a consonant or '-й', declined like a noun, by the case of the first name
beside it: 'Алексея Текслера' is 'Алексей Текслер', 'Андрею Почобуту' 'Андрей Почобут', 'Игорю Карнею'
'Игорь Карней', 'Александра Короля' 'Александр Король'. Only with that first name in the same oblique
case: a surname alone ('Текслера') or one that does not decline ('Андрея Мельниченко') keeps its form."""


NOMINATIVE_SURNAME = re.compile(r"[бвгджзклнпрстфхцчшщь]$|(?<![оеыи])м$|(?<!о)й$", re.IGNORECASE)
"""A surname alone ending in a consonant, but not in an instrumental or oblique '-ом', '-ем', '-ым', '-ой'."""


def _person_nominative(words: list[str]) -> str:
    """Each word in the nominative: a first name or patronymic through pymorphy3, which also tells the
    person's gender; a surname by the endings of that gender."""
    if len(words) == 1 and NOMINATIVE_SURNAME.search(words[0]):
        return words[0]  # 'Текслер', 'Почобут': no oblique form (pymorphy3 would guess 'Текслера')
    gender: str | None = None
    case: str | None = None
    given: list[bool] = []
    for word in words:
        parse = _given_name(word) if CYRILLIC_WORD.match(word) else None
        if parse is not None and any(given) and "Patr" not in parse.tag:
            parse = None  # one first name: 'Алексея Текслера' is no second one, whatever pymorphy3 guesses
        given.append(parse is not None)
        gender = gender or (parse.tag.gender if parse is not None else None)
        case = case or (parse.tag.case if parse is not None else None)
    named = []
    for word, is_given in zip(words, given, strict=True):
        if not CYRILLIC_WORD.match(word):
            named.append(word)
        elif is_given or gender not in SURNAME_CASES:
            named.append(
                re.sub(
                    r"(?<=[оеи]в|ин)ы$",
                    "",
                    _inflected_word(word, _name_parse(word, "person"), {"nomn", "sing"}),
                )
            )
        else:
            named.append(_surname(word, gender, case))
    return " ".join(named)


def _given_name(word: str) -> Any:
    """pymorphy3's reading of a word as a first name or patronymic, if it is one ('Марию', 'Петровну')."""
    for parse in _morph().parse(word)[:3]:
        if {"Name", "Patr"} & set(str(parse.tag).replace(" ", ",").split(",")) and parse.score >= 0.1:
            return parse
    return None


def _surname(word: str, gender: str, case: str | None = None) -> str:
    for pattern, replacement in SURNAME_CASES[gender]:
        if re.search(pattern, word, re.IGNORECASE):
            return re.sub(pattern, replacement, word, flags=re.IGNORECASE)
    if gender == "masc" and case in MASCULINE_CASE_ENDINGS:
        for pattern, replacement in MASCULINE_CASE_ENDINGS[case]:
            if re.search(pattern, word, re.IGNORECASE):
                return re.sub(pattern, replacement, word, flags=re.IGNORECASE)
    return word


def _inflected_word(word: str, parse: Any, grammemes: set[str]) -> str:
    if parse is None:
        return word
    number = {parse.tag.number} if parse.tag.number and not {"sing", "plur"} & grammemes else set()
    wanted = grammemes | number
    form = parse.inflect(wanted) or parse.inflect({"nomn"})
    text = str(form.word) if form else word
    if "ё" not in word.lower():
        text = text.replace("ё", "е")
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё-]+$")


def _name_parse(word: str, kind: ActorKind) -> Any:
    parses = _morph().parse(word)
    if kind == "person":
        named = [p for p in parses if {"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))]
        parses = named or parses
    return parses[0] if parses else None


PLURAL_SURNAME = re.compile(r"(?:[оеё]в|[иы]н|ск|цк)(?:ых|их|ыми|ими)$", re.IGNORECASE)


def couple(first_name: str, joined: str) -> tuple[str, str] | None:
    """'Вячеслава и Марину Косинеровых': a first name alone, joined by 'и' to a first name and a surname in
    the plural, names one of a couple; both names in the nominative, each with the surname in its own
    gender, else None. Names joined by 'и' share their case, which settles a first name read two ways
    ('Марину': Марина in the accusative, or a dative Марин)."""
    words = joined.split()
    if len(first_name.split()) != 1 or len(words) != 2 or not PLURAL_SURNAME.search(words[1]):
        return None
    if not (CYRILLIC_WORD.match(first_name) and CYRILLIC_WORD.match(words[0])):
        return None
    one, other = _name_readings(first_name), _name_readings(words[0])
    shared = [(a, b) for b in other for a in one if a.tag.case == b.tag.case]
    if not shared:
        return None
    a, b = max(shared, key=lambda pair: pair[0].score + pair[1].score)
    return (
        f"{_inflected_word(first_name, a, {'nomn', 'sing'})} {_surname(words[1], str(a.tag.gender))}",
        f"{_inflected_word(words[0], b, {'nomn', 'sing'})} {_surname(words[1], str(b.tag.gender))}",
    )


def _name_readings(word: str) -> list[Any]:
    return [
        p
        for p in _morph().parse(word.lower())
        if "Name" in str(p.tag) and p.score >= 0.1 and str(p.tag.gender) in SURNAME_CASES
    ]
