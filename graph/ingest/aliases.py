"""Spellings `kg ingest` needs to find known actors in text, beyond the reference data's aliases.

They live here, not in seed_data/reference, because most are inflected forms (Polish "Łukaszenki",
"Białorusi", German "Russlands") or older exonyms ("Белоруссия", "Weißrussland") that are ways of
*writing* a name in running text, not names an analyst would search the graph by; the reference
aliases are what the API resolves and shows. Keys are reference ids; an id missing from the reference
data is skipped.
"""

from __future__ import annotations

INGEST_ALIASES: dict[str, list[str]] = {
    "person:alexander-lukashenka": [
        "Lukaschenko", "Alexander Lukaschenko", "Lukaschenkos", "Łukaszenka", "Łukaszenki", "Łukaszence",
        "Łukaszenką", "Łukaszenkę", "Aleksandr Łukaszenka", "Aleksandra Łukaszenki", "Alaksandr Łukaszenka",
        "Лукашенка", "Лукашенку",
    ],
    "person:vladimir-putin": ["Wladimir Putin", "Władimir Putin", "Putina", "Putinem", "Putinowi",
                              "Putins", "Володимир Путін", "Путін"],
    "country:BY": [
        "Белоруссия", "Белорусь", "Республика Беларусь", "Weißrussland", "Weissrussland", "Belarus",
        "Białoruś", "Białorusi", "Białorusią", "Republika Białorusi", "Білорусь", "Беларусі", "РБ",
    ],
    "country:RU": [
        "РФ", "Российская Федерация", "Russland", "Russlands", "Rosja", "Rosji", "Rosję", "Rosją",
        "Federacja Rosyjska", "Росія", "Расія",
    ],
    "country:PL": ["Polen", "Polska", "Polski", "Polsce", "Polskę", "Польша", "Польшча"],
    "country:LT": ["Litauen", "Litwa", "Litwy", "Litwie", "Литва"],
    "country:UA": ["Ukraina", "Ukrainy", "Ukrainie", "Украина", "Україна"],
    "country:DE": ["Deutschland", "Niemcy", "Niemiec"],
    "country:CZ": ["Tschechien", "Czechy", "Czech Republic"],
    "org:government-of-russia": ["Moskau", "Moskwa", "Moskwy", "Kreml", "Kremla", "Kremlu"],
    "org:government-of-belarus": ["Mińsk", "Mińska"],
    "org:government-of-ukraine": ["Kiew", "Kijów", "Kijowa"],
    "org:mfa-belarus": ["МИД Белоруссии", "МИД РБ", "Belarus Foreign Ministry"],
    "org:mfa-russia": ["МИД РФ", "russian foreign ministry"],
}  # fmt: skip
