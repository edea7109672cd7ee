"""An analyst opens the explorer in a browser, searches "Golovchenko", and sees the trip to three Russian
regions as a network, on a map and on a timeline; clicking shows who says so. The dashboard counts the
events per month by kind and maps the contract value by region, with the same filters."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.async_api import expect

from graph.store import GraphStore
from tests.api.conftest import LiveServer, Watched
from tests.conftest import gql

TRIP = "event:2023-04-26-golovchenko-russian-regions-visit"
TRIP_TITLE = "Working visit of the Belarusian government delegation to three Russian regions"
REGIONS = {
    "region:RU-NVS": "Novosibirsk Oblast",
    "region:RU-IRK": "Irkutsk Oblast",
    "region:RU-SVE": "Sverdlovsk Oblast",
}
SOURCE_URL = "https://belarusinfocus.pro/belarus-russia-relations/the-peace-loving-region-of-the-union-state"


async def search(page: Watched, base_url: str, text: str) -> None:
    await page.page.goto(f"{base_url}/explore/")
    await page.page.get_by_role("searchbox", name="Actor or place").fill(text)
    await page.page.keyboard.press("Enter")
    await expect(page.page.locator("body[data-loaded]")).to_have_count(1, timeout=20_000)


async def network_nodes(page: Watched) -> dict[str, Any]:
    nodes: dict[str, Any] = await page.page.evaluate(
        "() => Object.fromEntries(kgExplorer.network.cy.nodes().map((n) => [n.id(), n.data('label')]))"
    )
    return nodes


async def test_the_explorer_loads_with_no_console_errors_and_nothing_from_elsewhere(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    response = await page.page.goto(f"{live_server.url}/explore")
    assert response is not None and response.ok
    await page.page.wait_for_load_state("networkidle")
    await expect(page.page.locator("#map .country").first).to_be_attached()
    assert await page.page.locator("#map .country").count() > 100, "country outlines from the bundled atlas"

    assert page.errors == []
    assert page.foreign_requests(live_server.url) == [], "no CDN, no tile server"


async def test_searching_golovchenko_shows_the_trip_with_its_three_regions_on_network_map_and_timeline(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    await search(page, live_server.url, "Golovchenko")

    await expect(page.page.locator("#candidates button").first).to_have_text("Roman Golovchenko")
    nodes = await network_nodes(page)
    assert nodes["person:roman-golovchenko"] == "Roman Golovchenko"
    assert nodes[TRIP] == TRIP_TITLE
    assert {id: nodes.get(id) for id in REGIONS} == REGIONS

    trip = page.page.locator(f'#timeline li[data-id="{TRIP}"]')
    await expect(trip).to_contain_text(TRIP_TITLE)
    await expect(trip.locator(".places")).to_have_text(
        "Irkutsk Oblast · Novosibirsk Oblast · Sverdlovsk Oblast"
    )
    for region in REGIONS.values():
        await expect(page.page.locator("#timeline li.leg", has_text=f"delegation in {region}")).to_have_count(
            1
        )

    for iso in ("RU-NVS", "RU-IRK", "RU-SVE"):
        mark = page.page.locator(f'#map .place[data-iso="{iso}"]')
        await expect(mark).to_have_count(1)
        await expect(mark.locator("circle")).to_be_visible()
    assert await page.page.locator("#map .place").count() == 3

    await page.screenshot("explorer-golovchenko.png")
    assert page.errors == []
    assert page.foreign_requests(live_server.url) == []


async def test_clicking_an_event_or_a_node_shows_its_evidence_quote_and_source_link(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    await search(page, live_server.url, "Golovchenko")
    details = page.page.locator("#details")

    await page.page.locator(f'#timeline li[data-id="{TRIP}"]').click()
    await expect(details.locator("blockquote").first).to_contain_text("From April 26th to 28th")
    link = details.get_by_role("link", name="The peace-loving region of the Union State").first
    await expect(link).to_have_attribute("href", SOURCE_URL)
    await expect(details.locator("dd").nth(2)).to_have_text("2023-04-26 – 2023-04-28")
    for junk in ("[object", "null", "undefined"):
        await expect(details).not_to_contain_text(junk)

    signing = "event:2023-04-26-novosibirsk-contract-signing"
    x, y = await page.page.evaluate(
        """(id) => {
            const position = kgExplorer.network.cy.getElementById(id).renderedPosition();
            const box = document.getElementById('network').getBoundingClientRect();
            return [box.left + position.x, box.top + position.y];
        }""",
        signing,
    )
    await page.page.mouse.click(x, y)
    await expect(details.locator(".title")).to_have_text(
        "Contracts worth USD 13 million signed as a result of the visit to Novosibirsk"
    )
    await expect(details.locator("blockquote")).to_contain_text("contracts worth USD 13 million were signed")

    await page.page.locator('#map .place[data-iso="RU-NVS"] circle').click()
    await expect(details.locator(".title")).to_have_text("Novosibirsk Oblast")
    await expect(details).to_contain_text("USD 13,000,000")
    await page.page.locator(f'#timeline li[data-id="{TRIP}"]').click()
    await page.screenshot("explorer-evidence.png")
    assert page.errors == []


async def test_a_graph_export_loads_into_cytoscape_as_it_is(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    await page.page.goto(f"{live_server.url}/explore/")
    counts = await page.page.evaluate(
        """async () => {
            const { elements } = await (await fetch('/export/graph.json?actor=Minsk')).json();
            const cy = kgExplorer.cytoscape({ headless: true, elements });
            return [elements.nodes.length, elements.edges.length, cy.nodes().length, cy.edges().length];
        }"""
    )
    assert counts[0] > 10 and counts[1] > 10
    assert counts[2:] == counts[:2], "every element accepted"
    assert page.errors == []


# The dashboard: events per month by kind and contract value by region, from `eventStats`, with the filters.

FILTERS = "Filters of the map, the timeline and the dashboard"

PER_MONTH = """
query ($actor: String, $from: Date, $to: Date, $kinds: [EventKind!]) {
  eventStats(groupBy: [MONTH, KIND], actor: $actor, from: $from, to: $to, kinds: $kinds) {
    period { label } kind count
  }
}
"""
BY_REGION = """
query ($actor: String, $from: Date, $to: Date, $kinds: [EventKind!]) {
  eventStats(groupBy: [REGION], actor: $actor, from: $from, to: $to, kinds: $kinds) {
    region { isoCode } count contractValue { amount currency }
  }
}
"""


async def event_stats(base_url: str, query: str, **variables: Any) -> list[dict[str, Any]]:
    """What the API itself answers, over HTTP like the page."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        body = await gql(client, query, **variables)
    assert "errors" not in body, body
    buckets: list[dict[str, Any]] = body["data"]["eventStats"]
    return buckets


def per_month(buckets: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    return {(b["period"]["label"], b["kind"]): b["count"] for b in buckets}


def region_values(buckets: list[dict[str, Any]]) -> dict[str, str | None]:
    return {b["region"]["isoCode"]: (b["contractValue"] or {}).get("amount") for b in buckets if b["region"]}


async def drawn(page: Watched) -> tuple[dict[tuple[str, str], int], dict[str, str | None]]:
    """The dashboard once both charts are drawn: each bar segment's count by (month, kind), and each
    region's contract value in USD (None: none reported)."""
    for chart in ("#per-month", "#by-region"):
        await expect(page.page.locator(chart)).to_have_attribute("data-state", "ready", timeout=20_000)
    segments = await page.page.eval_on_selector_all(
        "#per-month rect.segment", "els => els.map((e) => [e.dataset.month, e.dataset.kind, e.dataset.count])"
    )
    regions = await page.page.eval_on_selector_all(
        "#by-region .region", "els => els.map((e) => [e.dataset.iso, e.dataset.usd ?? null])"
    )
    return {(month, kind): int(count) for month, kind, count in segments}, dict(regions)


async def test_the_dashboard_draws_the_events_per_month_by_kind_and_the_contract_value_by_region(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    asked = per_month(await event_stats(live_server.url, PER_MONTH))
    by_region = region_values(await event_stats(live_server.url, BY_REGION))
    await page.page.goto(f"{live_server.url}/explore/")
    bars, regions = await drawn(page)

    assert bars == asked, "one bar segment per month and kind, as eventStats counts them"
    assert bars[("2023-04", "VISIT")] == 1, "the trip to three regions, its legs not counted again"
    april_total = str(sum(count for (month, _), count in asked.items() if month == "2023-04"))
    april = page.page.locator('#per-month .month[data-month="2023-04"]')
    await expect(april).to_have_attribute("data-total", april_total)
    await expect(page.page.locator("#per-month .legend")).to_contain_text("Contract signing")

    assert regions == by_region
    assert regions["RU-NVS"] == "13000000"
    novosibirsk = page.page.locator('#by-region .region[data-iso="RU-NVS"]')
    await expect(novosibirsk).to_contain_text("USD 13,000,000")
    await expect(novosibirsk.locator("circle")).to_be_visible()

    for chart in ("Events per month by kind", "Contract value in USD by region"):
        figure = page.page.get_by_role("figure", name=chart)
        await expect(figure.locator("svg[role=img] desc")).not_to_be_empty()
        await figure.get_by_text("Show the numbers as a table").click()
        await expect(figure.get_by_role("table", name=chart)).to_be_visible()
    row = page.page.get_by_role("row", name="2023-04", exact=False).first
    await expect(row.locator("td").last).to_have_text(april_total)
    region_row = page.page.get_by_role("row").filter(has_text="Novosibirsk Oblast")
    await expect(region_row).to_contain_text("USD 13,000,000")

    await page.screenshot("explorer-dashboard.png")
    assert page.errors == []
    assert page.foreign_requests(live_server.url) == []


async def test_changing_the_dates_the_kinds_or_the_subject_redraws_the_dashboard(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    # What the API answers for each step, asked first, then what the page draws.
    april = {"from": "2023-04-01", "to": "2023-04-30"}
    everything = per_month(await event_stats(live_server.url, PER_MONTH))
    kinds = sorted({kind for _, kind in everything if kind != "CONTRACT_SIGNING"})
    golovchenko = {"actor": "person:roman-golovchenko"}
    steps = [{}, april, {"kinds": kinds, **april}, golovchenko]
    months = [per_month(await event_stats(live_server.url, PER_MONTH, **step)) for step in steps]
    values = [region_values(await event_stats(live_server.url, BY_REGION, **step)) for step in steps]
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as client:
        places = (await client.get("/export/places.geojson", params=april)).json()["features"]

    await page.page.goto(f"{live_server.url}/explore/")
    assert await drawn(page) == (months[0], values[0])
    filters = page.page.get_by_role("form", name=FILTERS)

    await filters.get_by_label("From", exact=True).fill("2023-04-01")
    await filters.get_by_label("To", exact=True).fill("2023-04-30")
    bars, regions = await drawn(page)
    assert (bars, regions) == (months[1], values[1])
    assert bars != everything and {month for month, _ in bars} == {"2023-04"}
    assert "from=2023-04-01" in page.page.url, "the filters are in the page's address, to share"
    await expect(page.page.locator("#map .place")).to_have_count(len(places))  # the map is filtered too

    await filters.get_by_label("Contract signing").uncheck()
    bars, regions = await drawn(page)
    assert (bars, regions) == (months[2], values[2])
    assert all(kind != "CONTRACT_SIGNING" for _, kind in bars)
    assert regions["RU-NVS"] is None, "the value came from the signing, which is filtered out"
    await expect(page.page.locator('#by-region .region[data-iso="RU-NVS"]')).not_to_contain_text("USD")

    await filters.get_by_role("button", name="Clear filters").click()
    await page.page.get_by_role("searchbox", name="Actor or place").fill("Golovchenko")
    await page.page.keyboard.press("Enter")
    await expect(page.page.locator("body[data-loaded]")).to_have_count(1, timeout=20_000)
    bars, regions = await drawn(page)
    assert (bars, regions) == (months[3], values[3])
    assert sum(bars.values()) < sum(everything.values())
    assert page.errors == []


async def test_the_dashboard_says_when_nothing_matches_and_when_the_api_answers_an_error(
    seeded_store: GraphStore, live_server: LiveServer, page: Watched
) -> None:
    await page.page.goto(f"{live_server.url}/explore/?from=2030-01-01")
    per_month_chart, by_region = page.page.locator("#per-month"), page.page.locator("#by-region")
    await expect(per_month_chart).to_have_attribute("data-state", "empty", timeout=20_000)
    await expect(per_month_chart.get_by_role("status")).to_have_text("No events match these filters.")
    await expect(by_region.get_by_role("status")).to_have_text("No events in a region match these filters.")

    filters = page.page.get_by_role("form", name=FILTERS)
    await filters.get_by_label("To", exact=True).fill("2020-01-01")
    await expect(per_month_chart).to_have_attribute("data-state", "error")
    alert = per_month_chart.get_by_role("alert")
    await expect(alert).to_have_text(
        "This chart could not be drawn: 'to' (2020-01-01) is before 'from' (2030-01-01)"
    )
    await expect(by_region.get_by_role("alert")).to_contain_text("is before 'from'")

    await page.page.route("**/graphql", lambda route: route.fulfill(status=502, body="<h1>Bad gateway</h1>"))
    await filters.get_by_role("button", name="Clear filters").click()
    await expect(alert).to_have_text("This chart could not be drawn: the API answered HTTP 502")
    await expect(page.page.locator("#dashboard-panel")).not_to_contain_text("Traceback")
    await page.page.unroute("**/graphql")

    for box in await filters.get_by_role("checkbox").all():
        await box.uncheck()
    await expect(per_month_chart.get_by_role("status")).to_have_text("No kind of event is chosen.")
    assert [error for error in page.errors if not error.startswith("console: Failed to load resource")] == []
