"""The filters that lists and exports of events share: what analysts type, resolved to ids once.

Written by the lead for the GraphQL `events` field; exports reuse `EventFilter` and `resolve_event_filter`.

What each filter means (queries/read/events_page*.cypher apply it; the README's query table says the same):
- an actor (`actor`, `actors`) matches the events its side took part in (political_side: a state stands for
  everyone acting for it; a leg counts for its trip) and the events about the actor itself (ABOUT), so the
  working group "of Belarus with the Pskov region" is an event of the Pskov region;
- a place (`place`, `places`: a city, region or country) matches the events that took place in it or in a
  place within it, and the events about it or about a place within it;
- a country (`country`, `countries`) matches the events that took place in it (IN_PLACE only);
- lists take `all` (every one must match) and `any` (at least one must); both may be given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from graph.errors import Location, ValidationFailed
from graph.model.events import EVENT_KINDS
from graph.read.engagements import political_side
from graph.read.lookup import lucene_all_words, search_terms
from graph.read.names import PlaceGuess, directory, resolve_actor, resolve_place
from graph.settings import DEFAULT_MAX_SEARCH_TERMS
from graph.store import GraphStore


@dataclass(frozen=True)
class AnyAll:
    """A list filter as given: every name of `all` must match, and at least one of `any` (when given)."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventFilter:
    """As given: names or ids, not yet resolved."""

    kinds: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    actor: str | None = None
    place: str | None = None
    country: str | None = None
    source: str | None = None
    actors: AnyAll = AnyAll()
    places: AnyAll = AnyAll()
    countries: AnyAll = AnyAll()
    sources: AnyAll = AnyAll()
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    currency: str | None = None
    """The currency value_min/value_max are in; None: US dollars (the value's USD equivalent)."""
    text: str | None = None
    """Words every matching event has in its title, summary or content, or in one of its quotes."""


@dataclass(frozen=True)
class ResolvedEventFilter:
    kinds: list[str] | None
    start: date | None
    end: date | None
    side: list[str] | None
    place: str | None
    country: str | None
    source: str | None
    actor: str | None = None
    """The id `actor` resolved to (its side is `side`): the events about it match too."""
    actors_all: list[dict[str, Any]] = field(default_factory=list)
    """{id, side} of each actor of `actors.all`."""
    actors_any: list[dict[str, Any]] | None = None
    places_all: list[str] = field(default_factory=list)
    places_any: list[str] | None = None
    countries_all: list[str] = field(default_factory=list)
    countries_any: list[str] | None = None
    sources_all: list[str] = field(default_factory=list)
    sources_any: list[str] | None = None
    value_min: float | None = None
    value_max: float | None = None
    currency: str | None = None
    lucene: str | None = None
    """The text filter as a Lucene query of escaped words (graph.read.lookup): user text is never syntax."""
    guesses: tuple[PlaceGuess, ...] = ()
    """Places taken for names that named no place exactly, to say back to the client."""

    def params(self) -> dict[str, Any]:
        """The parameters of queries/read/events_page*.cypher and the exports (all but the groups).

        The page queries read the `_conditions` lists (every condition must hold; a condition listing
        several ids holds when one does): they hold `place`, `country` and `source` too. The exports'
        queries read those single ones, and `side`."""
        return {
            "kinds": self.kinds,
            "from": self.start,
            "to": self.end,
            "place": self.place,
            "country": self.country,
            "source": self.source,
            "actor": self.actor,
            "actor_conditions": [
                *({"side": w["side"], "about": [w["id"]]} for w in self.actors_all),
                *([_any_actor(self.actors_any)] if self.actors_any else []),
            ],
            "place_conditions": _conditions(self.place, self.places_all, self.places_any),
            "country_conditions": _conditions(self.country, self.countries_all, self.countries_any),
            "source_conditions": _conditions(self.source, self.sources_all, self.sources_any),
            "value_min": self.value_min,
            "value_max": self.value_max,
            "currency": self.currency,
            "lucene": self.lucene,
        }


def _any_actor(actors: list[dict[str, Any]]) -> dict[str, list[str]]:
    """One condition that holds when any of `actors` does: their sides and ids together."""
    return {
        "side": sorted({actor_id for w in actors for actor_id in w["side"]}),
        "about": [w["id"] for w in actors],
    }


def _conditions(one: str | None, every: list[str], some: list[str] | None) -> list[list[str]]:
    return [*([[one]] if one else []), *([each] for each in every), *([some] if some else [])]


def check_date_range(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValidationFailed(f"'to' ({end}) is before 'from' ({start})", location=Location(field="to"))


def check_value_range(low: Decimal | None, high: Decimal | None, currency: str | None) -> None:
    """Bounds are not negative and in order; a currency is an ISO 4217 code (three capital letters)."""
    for bound, name in ((low, "value.min"), (high, "value.max")):
        if bound is not None and (not bound.is_finite() or bound < 0):
            raise ValidationFailed(f"{name} must be a number, not negative", location=Location(field=name))
    if low is not None and high is not None and high < low:
        raise ValidationFailed(
            f"value.max ({high}) is below value.min ({low})", location=Location(field="value.max")
        )
    if currency is not None and not (len(currency) == 3 and currency.isascii() and currency.isupper()):
        raise ValidationFailed(
            f"value.currency must be an ISO 4217 code such as USD or RUB, got '{currency}'",
            location=Location(field="value.currency"),
        )


async def actor_side(store: GraphStore, actor: str | None, argument: str = "actor") -> list[str] | None:
    """The ids that stand for the actor named (see political_side), or None when no actor was given."""
    if actor is None:
        return None
    return political_side(await resolve_actor(store, actor, argument), await directory(store))


async def _actors(store: GraphStore, names: tuple[str, ...], argument: str) -> list[dict[str, Any]]:
    if not names:
        return []  # no round trip for the directory when no actor is named
    everyone = await directory(store)
    found = []
    for index, name in enumerate(names):
        actor = await resolve_actor(store, name, f"{argument}[{index}]")
        found.append({"id": actor.id, "side": political_side(actor, everyone)})
    return found


async def _places(
    store: GraphStore, names: tuple[str, ...], argument: str, guesses: list[PlaceGuess]
) -> list[str]:
    found = []
    for index, name in enumerate(names):
        place, guess = await resolve_place(store, name, f"{argument}[{index}]")
        found.append(place.id)
        guesses.extend([guess] if guess else [])
    return found


async def _countries(store: GraphStore, names: tuple[str, ...], argument: str) -> list[str]:
    return [
        (await resolve_actor(store, name, f"{argument}[{index}]", kinds=("country",))).id
        for index, name in enumerate(names)
    ]


def _text(text: str | None, max_terms: int) -> str | None:
    if text is None:
        return None
    lucene = lucene_all_words(text)
    if lucene is None:
        raise ValidationFailed("text has no words to look for", location=Location(field="text"))
    words = len(search_terms(text))
    if words > max_terms:  # as `search`: Lucene caps a query's clauses, and each word adds two
        raise ValidationFailed(
            f"text has {words} different words; at most {max_terms} are looked for",
            location=Location(field="text"),
        )
    return lucene


async def resolve_event_filter(
    store: GraphStore, given: EventFilter, max_terms: int = DEFAULT_MAX_SEARCH_TERMS
) -> ResolvedEventFilter:
    check_date_range(given.start, given.end)
    check_value_range(given.value_min, given.value_max, given.currency)
    unknown = [kind for kind in given.kinds if kind not in EVENT_KINDS]
    if unknown:
        raise ValidationFailed(
            f"unknown event kind(s) {', '.join(unknown)}; known: {', '.join(EVENT_KINDS)}",
            location=Location(field="kinds"),
        )
    guesses: list[PlaceGuess] = []
    place = None
    if given.place:
        place, guess = await resolve_place(store, given.place, "place")
        guesses.extend([guess] if guess else [])
    country = (
        await resolve_actor(store, given.country, "country", kinds=("country",)) if given.country else None
    )
    actor = await resolve_actor(store, given.actor, "actor") if given.actor else None
    return ResolvedEventFilter(
        kinds=list(given.kinds) or None,
        start=given.start,
        end=given.end,
        side=political_side(actor, await directory(store)) if actor else None,
        place=place.id if place else None,
        country=country.id if country else None,
        source=given.source,
        actor=actor.id if actor else None,
        actors_all=await _actors(store, given.actors.all, "actors.all"),
        actors_any=await _actors(store, given.actors.any, "actors.any") if given.actors.any else None,
        places_all=await _places(store, given.places.all, "places.all", guesses),
        places_any=(
            await _places(store, given.places.any, "places.any", guesses) if given.places.any else None
        ),
        countries_all=await _countries(store, given.countries.all, "countries.all"),
        countries_any=(
            await _countries(store, given.countries.any, "countries.any") if given.countries.any else None
        ),
        sources_all=list(given.sources.all),
        sources_any=list(given.sources.any) or None,
        value_min=float(given.value_min) if given.value_min is not None else None,
        value_max=float(given.value_max) if given.value_max is not None else None,
        currency=given.currency,
        lucene=_text(given.text, max_terms),
        guesses=tuple(guesses),
    )
