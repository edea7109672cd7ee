"""GraphQL enums; their values are the `kind` strings stored in the graph."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import strawberry

from graph.model.actors import SUBJECT_KINDS
from graph.model.dates import PERIODS
from graph.model.events import EVENT_KINDS
from graph.model.links import EVENT_LINK_KINDS, LINK_KINDS
from graph.read.engagements import CHANNELS
from graph.read.stats import AGREEMENT_GROUPS, EVENT_GROUPS


@strawberry.enum(description="What sort of actor: people, organisations and places all act.")
class ActorKind(Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"


def _vocabulary(name: str, values: tuple[str, ...], description: str) -> Any:
    """A GraphQL enum whose values are a vocabulary of graph/ (upper-cased names, the stored strings)."""
    made: Any = Enum(name, {value.upper(): value for value in values})  # type: ignore[misc]
    return strawberry.enum(made, description=description)


if TYPE_CHECKING:

    class EventKind(Enum):
        """Members are made at run time from graph.model's EVENT_KINDS."""

    class EventLinkKind(Enum):
        """From graph.model's EVENT_LINK_KINDS."""

    class PeriodUnit(Enum):
        """From graph.model's PERIODS."""

    class SubjectKind(Enum):
        """From graph.model's SUBJECT_KINDS."""

    class EventGroup(Enum):
        """From graph.read.stats' EVENT_GROUPS."""

    class AgreementGroup(Enum):
        """From graph.read.stats' AGREEMENT_GROUPS."""

    class EngagedThrough(Enum):
        """From graph.read.engagements' CHANNELS."""

else:
    EventKind = _vocabulary(
        "EventKind",
        EVENT_KINDS,
        "What happened; one value per event kind of graph.model (graph/model/events.py).",
    )
    EventLinkKind = _vocabulary(
        "EventLinkKind",
        EVENT_LINK_KINDS,
        "How one event relates to another (graph/model/links.py): "
        + "; ".join(f"{kind.name.upper()}: it {kind.forward} the other" for kind in LINK_KINDS)
        + ".",
    )
    PeriodUnit = _vocabulary(
        "PeriodUnit",
        PERIODS,
        "A calendar period: a day, an ISO week (from Monday), a month, a quarter, a year.",
    )
    SubjectKind = _vocabulary(
        "SubjectKind",
        SUBJECT_KINDS,
        "The kind of a federal subject of Russia, after the subdivision categories of ISO 3166-2:RU: "
        "republic, krai (administrative territory), oblast (administrative region), federal city (Moscow, "
        "Saint Petersburg), autonomous oblast, autonomous okrug (district).",
    )
    EventGroup = _vocabulary(
        "EventGroup",
        EVENT_GROUPS,
        "What `eventStats` groups by: the kind; the period the event starts in (one of DAY, WEEK, MONTH, "
        "QUARTER, YEAR); the country or region it took place in; a participant (of it or of the trip it "
        "is part of); a source reporting it.",
    )
    AgreementGroup = _vocabulary(
        "AgreementGroup",
        AGREEMENT_GROUPS,
        "What `agreementStats` groups by: a party; a region that is a party (or whose city is); the period "
        "it starts in (one of DAY, WEEK, MONTH, QUARTER, YEAR); the currency of its value.",
    )
    EngagedThrough = _vocabulary(
        "EngagedThrough",
        CHANNELS,
        "How a region was engaged: VISIT (an event the actor took part in was held there), AGREEMENT (it "
        "is a party to an agreement with the actor), PARTICIPATION (the region itself took part in an "
        "event with the actor), SUBJECT (an event the actor took part in was about it).",
    )


@strawberry.enum(description="Which way a link between two events points.")
class LinkDirection(Enum):
    OUTGOING = strawberry.enum_value(
        "outgoing", description="This event is part of, follows up or responds to the linked one."
    )
    INCOMING = strawberry.enum_value(
        "incoming", description="The linked event is part of, follows up or responds to this one."
    )


@strawberry.enum(description="How precisely the source dates an event: a day, a range, a month or a year.")
class DatePrecision(Enum):
    DAY = "day"
    RANGE = "range"
    MONTH = "month"
    YEAR = "year"


E = TypeVar("E", bound=Enum)


def member(kind: type[E], value: Any) -> E:
    """`kind(value)`, the member whose value is `value`, looked up first in the enum's own map of values:
    calling an enum costs a microsecond or so, which a page of events pays hundreds of times. A value that is
    not there (or not hashable) goes through the call, which raises as it always has."""
    try:
        found = kind._value2member_map_.get(value)
    except TypeError:
        found = None
    return found if found is not None else kind(value)  # type: ignore[return-value]
