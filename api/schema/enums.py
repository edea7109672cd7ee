"""GraphQL enums; their values are the `kind` strings stored in the graph."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from graph.model.events import EVENT_KINDS


@strawberry.enum(description="What sort of actor: people, organisations and places all act.")
class ActorKind(Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"


if TYPE_CHECKING:

    class EventKind(Enum):
        """Members are made at run time from graph.model's EVENT_KINDS."""

else:
    EventKind = strawberry.enum(
        Enum("EventKind", {kind.upper(): kind for kind in EVENT_KINDS}),
        description="What happened; one value per event kind of graph.model (graph/model/events.py).",
    )


@strawberry.enum(description="How precisely the source dates an event: a day, a range, a month or a year.")
class DatePrecision(Enum):
    DAY = "day"
    RANGE = "range"
    MONTH = "month"
    YEAR = "year"
