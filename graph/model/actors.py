"""Actors: people, organisations and places. Places are actors too (a region signs contracts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal, get_args

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.model.base import Name, Record, Ref, Reference, Target
from graph.model.ids import ACTOR_PREFIXES, ActorId

SubjectKind = Literal[
    "republic", "krai", "oblast", "federal_city", "autonomous_oblast", "autonomous_okrug"
]  # fmt: skip
"""The kind of a federal subject of Russia, as ISO 3166-2:RU categorises its subdivisions."""
SUBJECT_KINDS: tuple[SubjectKind, ...] = get_args(SubjectKind)
"""Every SubjectKind: the one vocabulary of the reference data, the loader and the API's `regionKinds`."""
ISO_3166_2_RU_CATEGORIES: dict[str, SubjectKind] = {
    "Republic": "republic",
    "Administrative territory": "krai",
    "Administrative region": "oblast",
    "Autonomous city": "federal_city",
    "Autonomous region": "autonomous_oblast",
    "Autonomous district": "autonomous_okrug",
}
"""ISO 3166-2:RU's subdivision categories (English names, as pycountry gives them) and the Russian terms
analysts use for them: respublika, kray, oblast', avtonomnyy gorod (Moscow, Saint Petersburg),
avtonomnaya oblast', avtonomnyy okrug."""
OrgKind = Literal["government", "ministry", "company", "ngo", "military", "media", "agency", "other"]
_ALPHA_2 = re.compile(r"[A-Z]{2}")
_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
WikidataId = Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")]


class GeoPoint(BaseModel):
    """A WGS84 point (for a place: its administrative centre)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lat: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
    lon: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]


class ActorBase(Record):
    labels: ClassVar[tuple[str, ...]]

    id: ActorId
    kind: str
    name: Name
    aliases: list[Name] = Field(default_factory=list)
    wikidata_id: WikidataId | None = None

    @model_validator(mode="after")
    def _id_matches_kind(self) -> ActorBase:
        prefix = ACTOR_PREFIXES[self.kind]
        if not self.id.startswith(f"{prefix}:"):
            raise ValueError(f"a {self.kind}'s id starts with '{prefix}:', not '{self.id}'")
        return self

    @field_validator("aliases")
    @classmethod
    def _distinct(cls, aliases: list[str]) -> list[str]:
        seen: set[str] = set()
        for alias in aliases:
            if alias in seen:
                raise ValueError(f"alias '{alias}' is listed twice")
            seen.add(alias)
        return aliases

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


class Person(ActorBase):
    labels = ("Person",)
    kind: Literal["person"]
    country: Ref | None = None

    def references(self) -> Iterator[Reference]:
        if self.country:
            yield Reference("country", self.country, Target.COUNTRY)


class Organization(ActorBase):
    labels = ("Organization",)
    kind: Literal["organization"]
    org_kind: OrgKind = "other"
    country: Ref | None = None

    def references(self) -> Iterator[Reference]:
        if self.country:
            yield Reference("country", self.country, Target.COUNTRY)


class PlaceBase(ActorBase):
    iso_code: str | None = None
    parent: Ref | None = None
    location: GeoPoint | None = None

    def references(self) -> Iterator[Reference]:
        if self.parent:
            yield Reference("parent", self.parent, Target.PLACE)


def _iso_from_id(value: object, shape: re.Pattern[str]) -> object:
    """A country or region whose id is its ISO code need not repeat the code."""
    if isinstance(value, dict) and value.get("iso_code") is None and isinstance(value.get("id"), str):
        code = value["id"].partition(":")[2]
        if shape.fullmatch(code):
            return {**value, "iso_code": code}
    return value


class Country(PlaceBase):
    labels = ("Country", "Place")
    kind: Literal["country"]

    @model_validator(mode="before")
    @classmethod
    def _default_iso(cls, value: object) -> object:
        return _iso_from_id(value, _ALPHA_2)

    @model_validator(mode="after")
    def _iso_3166_1(self) -> Country:
        code = self.iso_code
        known = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
        if code is None or known is None:
            raise ValueError(f"'{code}' is not an ISO 3166-1 alpha-2 country code")
        if self.id != f"country:{code}":
            raise ValueError(f"a country's id is country:<iso_code>: expected 'country:{code}'")
        return self


def _check_subdivision(place: PlaceBase) -> None:
    if place.iso_code is None:
        return
    if pycountry.subdivisions.get(code=place.iso_code) is None:  # type: ignore[no-untyped-call]
        raise ValueError(f"'{place.iso_code}' is not an ISO 3166-2 subdivision code")
    code_in_id = place.id.partition(":")[2]
    if _SUBDIVISION.fullmatch(code_in_id) and code_in_id != place.iso_code:
        raise ValueError(f"id '{place.id}' and iso_code '{place.iso_code}' disagree")


def iso_subject_kind(iso_code: str | None) -> SubjectKind | None:
    """The federal subject kind ISO 3166-2:RU gives a subdivision code; None for any other code."""
    if iso_code is None or not iso_code.startswith("RU-"):
        return None
    found = pycountry.subdivisions.get(code=iso_code)  # type: ignore[no-untyped-call]
    return ISO_3166_2_RU_CATEGORIES.get(found.type) if found is not None else None


class Region(PlaceBase):
    labels = ("Region", "Place")
    kind: Literal["region"]
    subject_kind: SubjectKind | None = None
    """Russian federal subjects: oblast, krai, republic, ... (ISO 3166-2:RU). Follows from `iso_code` when
    left out; a kind that disagrees with ISO 3166-2:RU is an error."""

    @model_validator(mode="before")
    @classmethod
    def _default_iso(cls, value: object) -> object:
        return _iso_from_id(value, _SUBDIVISION)

    @model_validator(mode="after")
    def _iso_3166_2(self) -> Region:
        _check_subdivision(self)
        iso_kind = iso_subject_kind(self.iso_code)
        if self.subject_kind is not None and self.subject_kind != iso_kind:
            said = f"is of kind '{iso_kind}'" if iso_kind else "is not a federal subject of Russia"
            raise ValueError(f"subject_kind '{self.subject_kind}': ISO 3166-2:RU says {self.iso_code} {said}")
        if self.subject_kind is None and iso_kind is not None:
            object.__setattr__(self, "subject_kind", iso_kind)  # frozen: set once, while validating
        return self


class City(PlaceBase):
    labels = ("City", "Place")
    kind: Literal["city"]

    @model_validator(mode="after")
    def _iso_3166_2(self) -> City:
        _check_subdivision(self)
        return self


Actor = Annotated[Person | Organization | Country | Region | City, Field(discriminator="kind")]
