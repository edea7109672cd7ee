"""Names of countries and subdivisions in English, Russian and Belarusian from Unicode CLDR.

CLDR comes from Debian's `unicode-cldr-core` package (`apt-get install unicode-cldr-core`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

CLDR_DIR = Path("/usr/share/unicode/cldr/common")
LANGUAGES = ("en", "ru", "be")


@dataclass(frozen=True)
class Names:
    main: str
    variants: list[str] = field(default_factory=list)
    """Alternative forms CLDR gives (alt="short", "variant"), in file order."""


def cldr_version(cldr_dir: Path = CLDR_DIR) -> str:
    match = re.search(
        r'cldrVersion CDATA #FIXED "([^"]+)"', (cldr_dir / "dtd" / "ldml.dtd").read_text("utf-8")
    )
    return match.group(1) if match else "unknown"


def _read(path: Path, tag: str) -> dict[str, Names]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: install Debian's unicode-cldr-core package")
    names: dict[str, Names] = {}
    variants: dict[str, list[str]] = {}
    for element in ET.parse(path).getroot().iter(tag):
        key, text = element.get("type"), (element.text or "").strip()
        if not key or not text:
            continue
        if element.get("alt") is None:
            names[key] = Names(text, variants.setdefault(key, []))
        else:
            variants.setdefault(key, []).append(text)
    return names


def subdivision_names(language: str, cldr_dir: Path = CLDR_DIR) -> dict[str, Names]:
    """ISO 3166-2 code ("RU-NVS") -> names; CLDR keys subdivisions as "runvs"."""
    raw = _read(cldr_dir / "subdivisions" / f"{language}.xml", "subdivision")
    return {f"{key[:2].upper()}-{key[2:].upper()}": names for key, names in raw.items()}


def territory_names(language: str, cldr_dir: Path = CLDR_DIR) -> dict[str, Names]:
    """ISO 3166-1 alpha-2 code -> names."""
    raw = _read(cldr_dir / "main" / f"{language}.xml", "territory")
    return {key: names for key, names in raw.items() if len(key) == 2 and key.isalpha()}
