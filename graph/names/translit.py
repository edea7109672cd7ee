"""Cyrillic <-> Latin letter tables and renderings, shared by the name index (graph/names) and `kg ingest`."""

from __future__ import annotations

LATIN_LETTERS = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i u"
TO_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў", LATIN_LETTERS.split(), strict=True))
TO_CYRILLIC = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("iu", "ю"), ("ia", "я"), ("ei", "ей"), ("ey", "ей"), ("ai", "ай"), ("oi", "ой"),
    ("iy", "ий"), ("yi", "ий"), ("ii", "ий"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"),
    ("h", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"), ("j", "й"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("f", "ф"), ("c", "к"), ("x", "кс"), ("q", "к"),
]  # fmt: skip


def to_latin(text: str) -> str:
    return "".join(
        TO_LATIN.get(c, c) if c.islower() else TO_LATIN.get(c.lower(), c).capitalize() for c in text
    )


def to_cyrillic(text: str) -> str:
    """A lower-case Latin rendering back in Cyrillic letters, one plausible spelling ("golovchenko" ->
    "головченко", "lukashenka" -> "лукашенка"): for searching text stored in Cyrillic only, where a fuzzy
    search forgives the letters a transliteration does not give back."""
    cyrillic = text
    for latin, letter in TO_CYRILLIC:
        cyrillic = cyrillic.replace(latin, letter)
    return cyrillic
