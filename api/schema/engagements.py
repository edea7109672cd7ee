"""The flagship field: which regions of a country an actor engaged, when, and with what contract values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from api.schema.common import Connection, Money
from api.schema.enums import EngagedThrough, SubjectKind
from api.schema.nodes import Actor, Ctx, Event, event_connection
from api.schema.queries import AsOf
from api.schema.selection import child_fields, event_links_selected, selected_below
from graph.errors import KgError
from graph.read import engagements as read
from graph.read.changes import check_moment
from graph.read.filters import check_date_range
from graph.read.pages import PageRequest, page_request


@strawberry.type(
    description="A region the actor engaged: its events (a page, with their count), its agreements' values "
    "and the channels of both."
)
class RegionEngagement:
    region: Actor

    @strawberry.field(
        description="Its events in date order (start date, then id), a page at a time: the first 20 unless "
        "`first` says (at most the page maximum), after the cursor `after`; `totalCount` counts them all. "
        "The arguments apply to every region of the answer: to page through one region, pass its "
        "`pageInfo.endCursor` (the other regions continue from the same date)."
    )
    async def events(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[Event]:
        asked = _page(info, first, after)
        page = self.found.events
        if asked != self.read_page:
            page = read.page_of_every(page, asked)
        return await event_connection(info, page, event_links_selected(info, "edges", "node"), self.as_of)

    contract_value: Money | None = strawberry.field(
        description="Total value of the agreements with the region: in their currency when they share one, "
        "else summed in USD. Null when no value was reported (which is not zero)."
    )
    contract_values: list[Money] = strawberry.field(description="The agreements' original amounts.")
    through: list[EngagedThrough] = strawberry.field(
        description="How the region was engaged: every channel of its events and agreements."
    )
    events_about: int = strawberry.field(
        description="How many of its events (all of them, not just the page) are about the region (or a "
        "city in it): the SUBJECT channel."
    )
    found: strawberry.Private[read.RegionEngagement]
    read_page: strawberry.Private[PageRequest | None]
    """The page of events the query read (None: every event)."""
    as_of: strawberry.Private[datetime | None]


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
        page = _planned_page(info)
        found = await read.region_engagements(
            info.context.store,
            actor,
            country,
            from_,
            to,
            moment,
            through=[channel.value for channel in through] if through is not None else None,
            region_kinds=[kind.value for kind in region_kinds] if region_kinds is not None else None,
            page=page,
        )
        return [
            RegionEngagement(
                region=Actor.of(each.region),
                contract_value=Money.of(each.contract_value) if each.contract_value else None,
                contract_values=[Money.of(value) for value in each.contract_values],
                through=[EngagedThrough(channel) for channel in each.through],
                events_about=each.events_about,
                found=each,
                read_page=page,
                as_of=moment,
            )
            for each in found
        ]


def _page(info: Any, first: int | None, after: str | None) -> PageRequest:
    """The page of a region's events `first` and `after` ask for (the count is read anyway)."""
    return page_request(first, after, info.context.settings.page_max)


def _planned_page(info: Any) -> PageRequest | None:
    """The page of events every region's `events` asks for, read by the flagship's one query; None (every
    event, each field paging its own) when the selections ask for different pages, under @skip/@include,
    or with arguments the field will refuse (it then reports its own error)."""
    children = child_fields(info, RegionEngagement, "events")
    try:
        pages = {_page(info, **child.arguments) for child in children}
    except KgError:
        return None
    if not children:
        if "events" in selected_below(info):
            return None  # selected under @skip/@include
        return page_request(1, None, info.context.settings.page_max)  # the counts and channels only
    return pages.pop() if len(pages) == 1 else None
