"""English names of subdivisions, derived by one rule from ISO 3166-2 (type, romanised name) and CLDR.

<stem> is CLDR's English short name without a trailing " Province", " Region", " Krai" or " Okrug"
(tables.STEM_OVERRIDES aside). ISO type -> English name, extra English aliases:

Russia
  Administrative region    "<stem> Oblast"             "<stem> region" (+ CLDR's own form if it differs)
  Autonomous region        "<stem> Autonomous Oblast"  "<stem> Autonomous Region"
  Administrative territory "<stem> Krai"               "<stem> Territory", "<stem> region"
  Autonomous district      "<stem> Autonomous Okrug"   "<stem> Autonomous District", CLDR's form
  Republic, ISO "<Noun>, Respublika"                   "Republic of <stem>"  "<stem>"
  Republic, ISO "<Adjective> Respublika"               "<stem> Republic"
  Autonomous city          CLDR's name                 "City of <name>", "<name> city"
Belarus
  Oblast                   "<centre> Region"           "<centre> Oblast", "<stem> Region"
  City                     as Russia's autonomous cities
Elsewhere                  CLDR's name
"""

from __future__ import annotations

from graph.reference.tables import STEM_OVERRIDES

_SUFFIXES = (" Province", " Region", " Krai", " Okrug")
CITY_TYPES = frozenset({"Autonomous city", "City"})


def stem(code: str, cldr_en: str) -> str:
    if code in STEM_OVERRIDES:
        return STEM_OVERRIDES[code]
    for suffix in _SUFFIXES:
        if cldr_en.endswith(suffix):
            return cldr_en.removesuffix(suffix)
    return cldr_en


def english_names(code: str, iso_type: str, iso_name: str, cldr_en: str, centre: str) -> list[str]:
    """The English name first, then English aliases; duplicates are removed later."""
    base = stem(code, cldr_en)
    if iso_type in CITY_TYPES:
        return [cldr_en, f"City of {cldr_en}", f"{cldr_en} city"]
    country = code[:2]
    if country == "BY":
        return [f"{centre} Region", f"{centre} Oblast", f"{base} Region"]
    if country != "RU":
        return [cldr_en]
    if iso_type == "Administrative region":
        return [f"{base} Oblast", f"{base} region", cldr_en if cldr_en != base else ""]
    if iso_type == "Autonomous region":
        return [f"{base} Autonomous Oblast", f"{base} Autonomous Region"]
    if iso_type == "Administrative territory":
        return [f"{base} Krai", f"{base} Territory", f"{base} region"]
    if iso_type == "Autonomous district":
        return [f"{base} Autonomous Okrug", f"{base} Autonomous District", cldr_en if cldr_en != base else ""]
    if iso_type == "Republic":
        if iso_name.endswith(", Respublika"):
            return [f"Republic of {base}", base]
        return [f"{base} Republic"]
    raise ValueError(f"{code}: no English naming rule for ISO type {iso_type!r}")
