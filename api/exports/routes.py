"""`/export/...`: the graph, map and timeline data front-end libraries read natively, streamed."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from api.deps import StoreDep
from api.exports.csv_table import csv_rows
from api.exports.cytoscape import cytoscape_elements
from api.exports.filters import ExportFilter
from api.exports.geojson import feature_collection
from api.exports.gexf import gexf_document
from api.exports.responses import CSV, GEOJSON, content, streamed
from graph.read import exports

router = APIRouter(prefix="/export", tags=["exports"])

FILTERS_NOTE = (
    "Filtered like GraphQL `events` (actor, country, place, kinds, from, to, source); an unknown or "
    "ambiguous name is a 400 naming the argument. Streamed as it is read."
)


@router.get(
    "/graph.json",
    summary="The graph as Cytoscape.js elements",
    description="The selected events and what they link to (participants, places, trips, events they "
    "follow up or respond to, topics, agreements and their parties) as `{elements: {nodes, edges}}`, "
    "each element's `data` flat, with `evidence` quotes on events and agreements. " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=content("application/json", "Cytoscape.js elements JSON"),
)
async def graph_json(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    nodes = exports.graph_nodes(store, filters)
    edges = exports.graph_edges(store, filters)
    return await streamed(cytoscape_elements(nodes, edges), "application/json")


@router.get(
    "/graph.gexf",
    summary="The graph as GEXF 1.3 (Gephi)",
    description="The same nodes and edges as `/export/graph.json`, as a directed GEXF 1.3 graph with "
    "typed attributes (kind, dates, ISO code, values, coordinates; edge type, role, side). " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=content("application/gexf+xml", "GEXF 1.3 document"),
)
async def graph_gexf(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    nodes = exports.graph_nodes(store, filters)
    edges = exports.graph_edges(store, filters)
    return await streamed(gexf_document(nodes, edges), "application/gexf+xml", "graph.gexf")


@router.get(
    "/places.geojson",
    summary="Engaged places as GeoJSON",
    description="A Point feature per place the selected events took place in (or that is a party to an "
    "agreement they produced), at its administrative centre, with its ISO code, event count, event ids "
    "and contract values (each, and their total). " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=content("application/geo+json", "GeoJSON FeatureCollection (RFC 7946)"),
)
async def places_geojson(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    return await streamed(feature_collection(exports.places(store, filters)), GEOJSON)


@router.get(
    "/events.csv",
    summary="Events as CSV",
    description="One row per selected event in date order: "
    + ", ".join(exports.EVENT_COLUMNS)
    + ". List fields join their values with '; '. "
    + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=content("text/csv", "CSV with a header row, UTF-8"),
)
async def events_csv(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    return await streamed(csv_rows(exports.events(store, filters)), CSV, "events.csv")
