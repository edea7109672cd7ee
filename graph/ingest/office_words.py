"""The words `graph.ingest.offices` reads titles with: the titles and the offices they name, the words
around a title that name its country or host, and those that make it name no holder."""

from __future__ import annotations

TITLES: dict[tuple[str, ...], str] = {
    ("president",): "president", ("head", "of", "state"): "president", ("президент",): "president",
    ("глава", "государство"): "president", ("leader",): "leader", ("лидер",): "leader",
    ("глава",): "head", ("prime", "minister"): "prime minister", ("premier",): "prime minister",
    ("pm",): "prime minister", ("премьер",): "prime minister", ("премьера",): "prime minister",
    ("премьер-министр",): "prime minister",
    ("глава", "правительство"): "prime minister", ("deputy", "prime", "minister"): "deputy prime minister",
    ("deputy", "pm"): "deputy prime minister", ("вице-премьер",): "deputy prime minister",
    ("foreign", "minister"): "foreign minister", ("глава", "мид"): "foreign minister",
    ("minister", "of", "foreign", "affairs"): "foreign minister",
    ("министр", "иностранный", "дело"): "foreign minister", ("governor",): "governor",
    ("губернатор",): "governor", ("kremlin", "chief"): "president", ("presidential", "decree"): "president",
    ("defence", "minister"): "defence minister", ("defense", "minister"): "defence minister",
    ("minister", "of", "defence"): "defence minister", ("minister", "of", "defense"): "defence minister",
    ("министр", "оборона"): "defence minister", ("глава", "минобороны"): "defence minister",
    ("ambassador",): "ambassador", ("посол",): "ambassador", ("mayor",): "governor", ("мэр",): "governor",
    ("state", "secretary"): "state secretary", ("госсекретарь",): "state secretary",
    ("государственный", "секретарь"): "state secretary",
    ("chairwoman", "of", "the", "federation", "council"): "federation council chair",
    ("chairman", "of", "the", "federation", "council"): "federation council chair",
    ("speaker", "of", "the", "federation", "council"): "federation council chair",
    ("federation", "council", "speaker"): "federation council chair",
    ("председатель", "совет", "федерация"): "federation council chair",
    ("спикер", "совет", "федерация"): "federation council chair",
    ("спикер", "совфед"): "federation council chair",
    ("speaker", "of", "the", "state", "duma"): "duma chair",
    ("chairman", "of", "the", "state", "duma"): "duma chair",
    ("state", "duma", "speaker"): "duma chair", ("duma", "speaker"): "duma chair",
    ("председатель", "государственный", "дума"): "duma chair", ("председатель", "госдума"): "duma chair",
    ("спикер", "госдума"): "duma chair", ("спикер", "государственный", "дума"): "duma chair",
    ("chairwoman", "of", "the", "council", "of", "the", "republic"): "council of the republic chair",
    ("chairperson", "of", "the", "council", "of", "the", "republic"): "council of the republic chair",
    ("speaker", "of", "the", "council", "of", "the", "republic"): "council of the republic chair",
    ("председатель", "совет", "республика"): "council of the republic chair",
    ("chairman", "of", "the", "house", "of", "representatives"): "house of representatives chair",
    ("speaker", "of", "the", "house", "of", "representatives"): "house of representatives chair",
    ("председатель", "палата", "представитель"): "house of representatives chair",
    ("kremlin", "spokesman"): "kremlin spokesperson", ("kremlin", "spokesperson"): "kremlin spokesperson",
    ("kremlin", "spokeswoman"): "kremlin spokesperson", ("пресс-секретарь", "кремль"): "kremlin spokesperson",
    ("пресс-секретарь", "президент", "россия"): "kremlin spokesperson",
    ("пресс-секретарь", "президент", "рф"): "kremlin spokesperson",
    ("foreign", "ministry", "spokeswoman"): "foreign ministry spokesperson",
    ("foreign", "ministry", "spokesman"): "foreign ministry spokesperson",
    ("foreign", "ministry", "spokesperson"): "foreign ministry spokesperson",
    ("официальный", "представитель", "мид"): "foreign ministry spokesperson",
}  # fmt: skip
INTRINSIC = {
    "federation council chair": "country:RU", "duma chair": "country:RU",
    "kremlin spokesperson": "country:RU",
    "council of the republic chair": "country:BY", "house of representatives chair": "country:BY",
}  # fmt: skip
"""Offices of one country's body: 'the Speaker of the State Duma' is Russia's whatever the text says."""
NEEDS_COUNTRY = {"leader", "head"}
"""'the leader', 'глава' name an office only with a country or region: 'the Belarusian leader', 'глава
Белоруссии', 'глава Башкирии'."""
REGION_HEADS = {"governor", "president", "head", "leader"}
"""Titles that, of a region, name its head ('the governor of the Pskov region', 'глава Татарстана')."""
HOST_WORDS = {"to", "in", "в"}
"""'the Russian ambassador to Belarus', 'посол России в Беларуси': the country after them hosts him."""
ADJECTIVES = {"belarusian": "country:BY", "belarus": "country:BY", "белорусский": "country:BY",
              "russian": "country:RU", "russia": "country:RU", "российский": "country:RU",
              "ukrainian": "country:UA", "украинский": "country:UA", "lithuanian": "country:LT",
              "polish": "country:PL", "польский": "country:PL"}  # fmt: skip
BETWEEN_TITLE_AND_NAME = {"of", "the", ",", "and"}
MAX_LONGEST = max(len(k) for k in TITLES)


POST_NOUNS = {
    "representative", "aide", "assistant", "adviser", "advisor", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "service", "administration", "помощник", "представитель", "советник",
    "пресс-секретарь", "пресс-служба", "администрация", "полпред", "служба",
}  # fmt: skip
"""A post or body that belongs to an office ('помощник президента', 'the president's representative',
'the press service of the president'): the title there names no act of its holder."""


OTHER_OFFICE = {"deputy", "vice", "former", "ex", "late", "acting", "заместитель", "бывший", "экс", "вице"}
"""'the deputy foreign minister', 'the former president': not the office's holder."""


POST_INTRODUCERS = {
    "назначить", "назначение", "должность", "пост", "стать", "appointed", "appoint", "appoints", "named",
    "post", "become", "became", "becomes", "as",
}  # fmt: skip
"""Words after which a title is a post given or held, not its holder: 'назначен послом', 'на пост
губернатора', 'appointed ambassador', 'became governor'."""
