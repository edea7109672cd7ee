"""Actor records (FORMAT.md `actors:` shape) for countries, subdivisions and cities."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from typing import Any

import pycountry

from graph.model.actors import ISO_3166_2_RU_CATEGORIES
from graph.reference.aliases import dedupe, name_key
from graph.reference.cldr import Names, subdivision_names, territory_names
from graph.reference.geonames import GeoNames
from graph.reference.names import CITY_TYPES, english_names
from graph.reference.tables import CENTRES, CITIES, COMMON_ALIASES, COUNTRY_WIKIDATA

Actor = dict[str, Any]
QUALIFIERS = {"en": "{} (city)", "ru": "город {}", "be": "горад {}"}
"""How a city-type place is named when its bare name is reserved for a government ("Minsk", "Москва")."""


@dataclass(frozen=True)
class Entry:
    actor: Actor
    comment: str


def _translations(domain: str) -> dict[str, gettext.NullTranslations]:
    return {
        lang: gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("ru", "be")
    }


def _local(names: Names | None, translated: str, iso_name: str) -> list[str]:
    found = [names.main, *names.variants] if names else []
    return [*found, translated if translated != iso_name else ""]


class Builder:
    def __init__(self, geonames: GeoNames, reserved: set[str]) -> None:
        self.geo = geonames
        self.reserved = reserved
        self.sub = {lang: subdivision_names(lang) for lang in ("en", "ru", "be")}
        self.ter = {lang: territory_names(lang) for lang in ("en", "ru", "be")}
        self.sub_tr = _translations("iso3166-2")
        self.ter_tr = _translations("iso3166-1")

    def _unreserved(self, code: str, lang: str, names: list[str], city_like: bool) -> list[str]:
        """Names with reserved bare forms qualified (city-like places) or refused (anything else)."""
        kept: list[str] = []
        for name in names:
            if name and name_key(name) in self.reserved:
                if not city_like:
                    raise ValueError(f"{code}: {name!r} is reserved for another actor")
                name = QUALIFIERS[lang].format(name)
            kept.append(name)
        return kept

    def subdivision(self, code: str) -> Entry:
        sub = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
        if sub is None:
            raise LookupError(f"pycountry has no subdivision {code}")
        city_like = sub.type in CITY_TYPES
        centre = self.geo.city(code[:2], CENTRES[code])
        english = english_names(code, sub.type, sub.name, self.sub["en"][code].main, CENTRES[code])
        en = self._unreserved(code, "en", english, city_like)
        local: list[str] = []
        for lang in ("ru", "be"):
            found = _local(self.sub[lang].get(code), self.sub_tr[lang].gettext(sub.name), sub.name)
            local += self._unreserved(code, lang, found, city_like)
        name = en[0]
        aliases = dedupe(name, [*en[1:], *COMMON_ALIASES.get(code, []), sub.name, *local])
        kind = {"subject_kind": ISO_3166_2_RU_CATEGORIES[sub.type]} if code.startswith("RU-") else {}
        actor: Actor = {
            "id": f"region:{code}", "kind": "region", "name": name, "aliases": aliases, "iso_code": code,
            **kind, "parent": f"country:{code[:2]}", "location": centre.location,
        }  # fmt: skip
        comment = f"{sub.type}; centre {centre.name} (GeoNames {centre.geonameid})"
        return Entry(actor, comment)

    def country(self, alpha_2: str) -> Entry:
        country = pycountry.countries.get(alpha_2=alpha_2)
        if country is None:
            raise LookupError(f"pycountry has no country {alpha_2}")
        en, ru, be = (self.ter[lang].get(alpha_2) for lang in ("en", "ru", "be"))
        iso_names = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        name = en.main if en else iso_names[1] or country.name
        aliases = [*(en.variants if en else []), *iso_names]
        for lang, names in (("ru", ru), ("be", be)):
            aliases += _local(names, self.ter_tr[lang].gettext(country.name), country.name)
        aliases = [a for a in aliases if a and name_key(a) not in self.reserved]
        actor: Actor = {"id": f"country:{alpha_2}", "kind": "country", "name": name,
                        "aliases": dedupe(name, aliases), "iso_code": alpha_2}  # fmt: skip
        point = self.geo.capital(alpha_2)
        comment = "no point: GeoNames has no populated place here"
        if point:
            actor["location"] = point[0].location
            comment = f"{point[1]} {point[0].name} (GeoNames {point[0].geonameid})"
        if alpha_2 in COUNTRY_WIKIDATA:
            actor["wikidata_id"] = COUNTRY_WIKIDATA[alpha_2]
        return Entry(actor, comment)

    def cities(self) -> list[Entry]:
        entries: list[Entry] = []
        for spec in CITIES:
            place = self.geo.city(spec.country, spec.geonames_name)
            missing = [n for n in spec.cyrillic if n not in place.alternatenames]
            if missing:
                raise LookupError(f"{spec.slug}: GeoNames does not list {missing} for {place.name}")
            actor: Actor = {
                "id": f"city:{spec.slug}", "kind": "city", "name": spec.geonames_name,
                "aliases": dedupe(spec.geonames_name, [place.name, *spec.cyrillic]), "parent": spec.parent,
                "location": place.location,
            }  # fmt: skip
            entries.append(Entry(actor, f"GeoNames {place.geonameid}"))
        return entries
