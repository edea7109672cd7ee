"""GraphQL enums; their values are the `kind` strings stored in the graph."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What sort of actor: people, organisations and places all act.")
class ActorKind(Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"


@strawberry.enum
class EventKind(Enum):
    VISIT = "visit"
    CONTRACT_SIGNING = "contract_signing"
    BAN = "ban"
    STATEMENT = "statement"
    MEETING = "meeting"
    PUBLICATION = "publication"


@strawberry.enum(description="How precisely the source dates an event: a day, a range, a month or a year.")
class DatePrecision(Enum):
    DAY = "day"
    RANGE = "range"
    MONTH = "month"
    YEAR = "year"
