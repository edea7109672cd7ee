"""An analyst opens the explorer in a browser, searches "Golovchenko", and sees the trip to three Russian
regions as a network, on a map and on a timeline; clicking shows who says so."""

from __future__ import annotations

from typing import Any

from playwright.async_api import expect

from graph.store import GraphStore
from tests.api.conftest import LiveServer, Watched

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
