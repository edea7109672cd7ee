"""Stable, readable ids: `prefix:slug`; the prefix says what kind of thing the id names."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

ACTOR_PREFIXES = {
    "person": "person",
    "organization": "org",
    "country": "country",
    "region": "region",
    "city": "city",
}
PREFIXES = frozenset({*ACTOR_PREFIXES.values(), "event", "agreement", "source", "office", "claim"})

_SLUG = r"[a-z0-9]+(?:[-_.][a-z0-9]+)*"
_ISO_3166_2 = r"[A-Z]{2}-[A-Z0-9]{1,3}"
_ID_PATTERNS = {
    "country": re.compile(r"[A-Z]{2}"),
    "region": re.compile(rf"{_ISO_3166_2}|{_SLUG}"),
}
_SLUG_PATTERN = re.compile(_SLUG)


def split_id(value: str) -> tuple[str, str] | None:
    """(prefix, rest) when `value` is shaped like an id with a known prefix, else None (it is a name)."""
    prefix, colon, rest = value.partition(":")
    if colon and prefix in PREFIXES and rest and rest.split() == [rest]:
        return prefix, rest
    return None


def id_problem(value: str, prefixes: frozenset[str] = PREFIXES) -> str | None:
    parts = split_id(value)
    expected = " or ".join(f"'{p}:...'" for p in sorted(prefixes))
    if parts is None or parts[0] not in prefixes:
        return f"'{value}' is not a well-formed id: expected {expected}"
    prefix, rest = parts
    pattern = _ID_PATTERNS.get(prefix, _SLUG_PATTERN)
    if not pattern.fullmatch(rest):
        shape = {
            "country": "an ISO 3166-1 alpha-2 code such as country:BY",
            "region": "an ISO 3166-2 code such as region:RU-NVS, or a lowercase slug",
        }.get(prefix, "a lowercase slug of letters, digits and '-', such as event:2023-04-26-visit")
        return f"'{value}' is not a well-formed id: after '{prefix}:' comes {shape}"
    return None


def _id_validator(*prefixes: str) -> AfterValidator:
    allowed = frozenset(prefixes)
    shapes = (f"{prefix}:(?:{_ID_PATTERNS.get(prefix, _SLUG_PATTERN).pattern})" for prefix in sorted(allowed))
    well_formed = re.compile("|".join(shapes))

    def check(value: str) -> str:
        if not well_formed.fullmatch(value):
            raise ValueError(id_problem(value, allowed) or f"'{value}' is not a well-formed id")
        return value

    return AfterValidator(check)


AnyId = Annotated[str, _id_validator(*PREFIXES)]
ActorId = Annotated[str, _id_validator(*ACTOR_PREFIXES.values())]
EventId = Annotated[str, _id_validator("event")]
AgreementId = Annotated[str, _id_validator("agreement")]
SourceId = Annotated[str, _id_validator("source")]
OfficeId = Annotated[str, _id_validator("office")]
ClaimId = Annotated[str, _id_validator("claim")]
