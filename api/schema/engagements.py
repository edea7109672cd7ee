"""The flagship field: which regions of a country an actor engaged, when, and with what contract values."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from api.schema.common import Money
from api.schema.enums import EngagedThrough, SubjectKind
from api.schema.nodes import Actor, Ctx, Event, events_of
from api.schema.queries import AsOf
from api.schema.selection import event_links_selected
from graph.read.changes import check_moment
from graph.read.engagements import region_engagements
from graph.read.filters import check_date_range


@strawberry.type
class RegionEngagement:
    region: Actor
    events: list[Event] = strawberry.field(description="In date order.")
    contract_value: Money | None = strawberry.field(
        description="Total value of the agreements with the region: in their currency when they share one, "
        "else summed in USD. Null when no value was reported (which is not zero)."
    )
    contract_values: list[Money] = strawberry.field(description="The agreements' original amounts.")
    through: list[EngagedThrough] = strawberry.field(
        description="How the region was engaged: every channel of its events and agreements."
    )
    events_about: int = strawberry.field(
        description="How many of `events` are about the region (or a city in it): the SUBJECT channel."
    )


@strawberry.type
class EngagementQuery:
    @strawberry.field(
        description="Which regions of `country` did `actor` engage, when, and with what contract values? "
        "`actor` is an id or any name or alias ('Minsk', 'Belarus', 'Government of Belarus'); a state or its "
        "government stands for every person and organisation of that state. `country` is an ISO code or a "
        "name. Ordered by contract value (largest first, none last), then region name. `through` keeps "
        "only the links of those channels (events held there, agreements, the region taking part, events "
        "about it); `regionKinds` only the federal subjects of those kinds (all but FEDERAL_CITY: the "
        "regions without Moscow and Saint Petersburg)."
    )
    async def region_engagements(
        self,
        info: Ctx,
        actor: str,
        country: str,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
        as_of: AsOf = None,
        through: list[EngagedThrough] | None = None,
        region_kinds: list[SubjectKind] | None = None,
    ) -> list[RegionEngagement]:
        check_date_range(from_, to)
        moment = check_moment(as_of, "asOf")
        found = await region_engagements(
            info.context.store,
            actor,
            country,
            from_,
            to,
            moment,
            through=[channel.value for channel in through] if through is not None else None,
            region_kinds=[kind.value for kind in region_kinds] if region_kinds is not None else None,
        )
        links = event_links_selected(info, "events")
        return [
            RegionEngagement(
                region=Actor.of(each.region),
                events=await events_of(info, each.events, links, moment),
                contract_value=Money.of(each.contract_value) if each.contract_value else None,
                contract_values=[Money.of(value) for value in each.contract_values],
                through=[EngagedThrough(channel) for channel in each.through],
                events_about=each.events_about,
            )
            for each in found
        ]
