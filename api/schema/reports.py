"""What each source said about a fact: its reports, its disputes, how many sources report it and when.

Fact types (Event, Agreement, Office) inherit `Reported`: its fields read the fact's reconciled properties
(source_count, first_reported, last_changed, disputes) and, through the request's DataLoaders, its reports.
A fact answered `asOf` a moment carries that moment, so its reports are the ones live then.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from api.schema.common import Evidence, Money, Source
from api.schema.context import Context
from api.schema.loaders import ReportsKey
from graph.read.money import money_of
from graph.read.reports import FactReport, disputes_of

Ctx = Info[Context, None]

if TYPE_CHECKING:
    from api.schema.nodes import Actor


@strawberry.type(description="A value one or more sources gave a disputed field, and those sources.")
class DisputedValue:
    value: str = strawberry.field(description="Text as given; dates, money and links as compact JSON.")
    source_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The sources that give this value, in report order.")
    async def sources(self, info: Ctx) -> list[Source]:
        found = await info.context.loaders.sources.load_many(self.source_ids)
        return [Source.of(props) for props in found if props is not None]


@strawberry.type(description="A field the sources disagree on, with every value given and who gives it.")
class Dispute:
    field: str = strawberry.field(
        description="The field's name as in the seed format: date, value, title, ..."
    )
    values: list[DisputedValue] = strawberry.field(description="The value the fact shows first.")


@strawberry.type(description="A participant as one source reported it.")
class ReportedParticipant:
    role: str
    actor_id: strawberry.Private[str]

    @strawberry.field
    async def actor(self, info: Ctx) -> Annotated[Actor, strawberry.lazy("api.schema.nodes")] | None:
        from api.schema.nodes import Actor  # the node types build on this module

        props = await info.context.loaders.actors.load(self.actor_id)
        return Actor.of(props) if props else None


@strawberry.type(
    description="What one source said about a fact: the values as that source gave them and its quotes."
)
class Report:
    id: strawberry.ID
    source: Source
    loaded_at: datetime = strawberry.field(description="When the load that brought this report committed.")
    retracted_at: datetime | None = strawberry.field(
        description="When a later load or unload withdrew it; null while it stands."
    )
    quotes: list[Evidence] = strawberry.field(description="The passages of this source that state the fact.")
    kind: str | None
    title: str | None
    summary: str | None
    content: str | None
    start_date: date | None
    end_date: date | None
    date_precision: str | None
    value: Money | None = strawberry.field(description="Agreements: the value this source gives.")
    participant_links: strawberry.Private[list[tuple[str, str]]]

    @classmethod
    def of(cls, found: FactReport) -> Report:
        props, source = found.props, Source.of(found.source)
        money = money_of(props)
        quotes = [{**item, "source": found.source} for item in found.evidence]
        return cls(
            id=strawberry.ID(str(found.report.get("id", ""))),
            source=source,
            loaded_at=found.report["loaded_at"],
            retracted_at=found.report.get("retracted_at"),
            quotes=Evidence.all_of(quotes),
            kind=props.get("kind"),
            title=props.get("title"),
            summary=props.get("summary"),
            content=props.get("content"),
            start_date=_day(props.get("start_date")),
            end_date=_day(props.get("end_date")),
            date_precision=props.get("date_precision"),
            value=Money.of(money) if money else None,
            participant_links=found.participants,
        )

    @strawberry.field(description="Events: the participants this source names, as (actor, role).")
    def participants(self) -> list[ReportedParticipant]:
        return [ReportedParticipant(role=role, actor_id=actor) for actor, role in self.participant_links]


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> datetime | None:
    """A stored moment: a datetime, or the ISO text the event list queries return it as (the driver's
    hydration of a Neo4j DateTime costs far more than datetime.fromisoformat). Neo4j writes a named zone
    after the offset ('...Z[UTC]'); the offset alone is the same instant."""
    if isinstance(value, str):
        return datetime.fromisoformat(value.split("[", 1)[0])
    moment: datetime | None = value
    return moment


@strawberry.type
class Reported:
    """The report fields every fact type has."""

    source_count: int = strawberry.field(description="How many sources report this fact (live reports).")
    first_reported: datetime | None = strawberry.field(description="When its first live report was loaded.")
    last_changed: datetime | None = strawberry.field(description="When a report of it was last loaded.")
    dispute_list: strawberry.Private[list[Dispute]]
    fact_id: strawberry.Private[str]
    as_of: strawberry.Private[datetime | None]

    @staticmethod
    def reported(props: dict[str, Any], as_of: datetime | None = None) -> dict[str, Any]:
        """The constructor arguments of these fields, from a fact's properties."""
        disputes = [
            Dispute(
                field=each.field,
                values=[DisputedValue(value=v.value, source_ids=v.sources) for v in each.values],
            )
            for each in disputes_of(props)
        ]
        return {
            "source_count": int(props.get("source_count") or 0),
            "first_reported": _moment(props.get("first_reported")),
            "last_changed": _moment(props.get("last_changed")),
            "dispute_list": disputes,
            "fact_id": str(props["id"]),
            "as_of": as_of,
        }

    @strawberry.field(description="Each source's report of this fact, oldest first.")
    async def reports(self, info: Ctx) -> list[Report]:
        found = await info.context.loaders.reports.load(ReportsKey(self.fact_id, self.as_of))
        return [Report.of(each) for each in found]

    @strawberry.field(description="The fields its sources disagree on; empty when they agree.")
    def disputes(self) -> list[Dispute]:
        return self.dispute_list
