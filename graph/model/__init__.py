"""The single definition of every concept: actors, events, agreements, money, date spans, evidence."""

from graph.model.actors import (
    Actor,
    ActorBase,
    City,
    Country,
    GeoPoint,
    Organization,
    Person,
    PlaceBase,
    Region,
)
from graph.model.agreements import Agreement, Party
from graph.model.base import ACTOR_KINDS, PLACE_KINDS, Record, Reference, Target
from graph.model.dates import DateSpan, parse_partial
from graph.model.document import KINDS, SECTIONS, Document, SectionRecord
from graph.model.events import (
    Ban,
    ContractSigning,
    Event,
    EventBase,
    Meeting,
    Participant,
    Publication,
    Statement,
    Visit,
)
from graph.model.evidence import Evidence, Evidenced, Source
from graph.model.ids import PREFIXES, id_problem, split_id
from graph.model.money import Money, UsdValue
from graph.model.offices import Claim, Office

__all__ = [
    "ACTOR_KINDS",
    "KINDS",
    "PLACE_KINDS",
    "PREFIXES",
    "SECTIONS",
    "Actor",
    "ActorBase",
    "Agreement",
    "Ban",
    "City",
    "Claim",
    "ContractSigning",
    "Country",
    "DateSpan",
    "Document",
    "Event",
    "EventBase",
    "Evidence",
    "Evidenced",
    "GeoPoint",
    "Meeting",
    "Money",
    "Office",
    "Organization",
    "Participant",
    "Party",
    "Person",
    "PlaceBase",
    "Publication",
    "Record",
    "Reference",
    "Region",
    "SectionRecord",
    "Source",
    "Statement",
    "Target",
    "UsdValue",
    "Visit",
    "id_problem",
    "parse_partial",
    "split_id",
]
