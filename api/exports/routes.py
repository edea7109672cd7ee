"""`/export/...`: the graph, map and timeline data front-end libraries read natively, streamed."""

from __future__ import annotations

from collections.abc import AsyncIterable

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from api.deps import StoreDep
from api.exports.csv_table import csv_rows
from api.exports.cytoscape import cytoscape_elements
from api.exports.filters import ExportFilter
from api.exports.geojson import feature_collection
from api.exports.gexf import gexf_document
from api.exports.streaming import chunked, started
from graph.read import exports

router = APIRouter(prefix="/export", tags=["exports"])

FILTERS_NOTE = (
    "Filtered like GraphQL `events` (actor, country, place, kinds, from, to, source); an unknown or "
    "ambiguous name is a 400 naming the argument. Streamed as it is read."
)


async def _streamed(
    pieces: AsyncIterable[str], media_type: str, filename: str | None = None
) -> StreamingResponse:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'} if filename else None
    return StreamingResponse(await started(chunked(pieces)), media_type=media_type, headers=headers)


class ExportError(BaseModel):
    """What an export answers instead of data (the app's KgError handler writes it)."""

    code: str
    detail: str
    argument: str | None = None


ERRORS: dict[int | str, dict[str, object]] = {
    400: {
        "model": ExportError,
        "description": "A filter is malformed, unknown or ambiguous; `argument` names it",
    },
    503: {"model": ExportError, "description": "Neo4j does not answer (`UNAVAILABLE`); retry later"},
    504: {"model": ExportError, "description": "The export ran past KG_EXPORT_TIMEOUT (`TIMEOUT`)"},
}


def _content(media_type: str, description: str) -> dict[int | str, dict[str, object]]:
    return {200: {"description": description, "content": {media_type: {}}}, **ERRORS}


@router.get(
    "/graph.json",
    summary="The graph as Cytoscape.js elements",
    description="The selected events and what they link to (participants, places, trips, topics, "
    "agreements and their parties) as `{elements: {nodes, edges}}`, each element's `data` flat, "
    "with `evidence` quotes on events and agreements. " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/json", "Cytoscape.js elements JSON"),
)
async def graph_json(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    nodes = exports.graph_nodes(store, filters)
    edges = exports.graph_edges(store, filters)
    return await _streamed(cytoscape_elements(nodes, edges), "application/json")


@router.get(
    "/graph.gexf",
    summary="The graph as GEXF 1.3 (Gephi)",
    description="The same nodes and edges as `/export/graph.json`, as a directed GEXF 1.3 graph with "
    "typed attributes (kind, dates, ISO code, values, coordinates; edge type, role, side). " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/gexf+xml", "GEXF 1.3 document"),
)
async def graph_gexf(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    nodes = exports.graph_nodes(store, filters)
    edges = exports.graph_edges(store, filters)
    return await _streamed(gexf_document(nodes, edges), "application/gexf+xml", "graph.gexf")


@router.get(
    "/places.geojson",
    summary="Engaged places as GeoJSON",
    description="A Point feature per place the selected events took place in (or that is a party to an "
    "agreement they produced), at its administrative centre, with its ISO code, event count, event ids "
    "and contract values (each, and their total). " + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("application/geo+json", "GeoJSON FeatureCollection (RFC 7946)"),
)
async def places_geojson(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    return await _streamed(feature_collection(exports.places(store, filters)), "application/geo+json")


@router.get(
    "/events.csv",
    summary="Events as CSV",
    description="One row per selected event in date order: "
    + ", ".join(exports.EVENT_COLUMNS)
    + ". List fields join their values with '; '. "
    + FILTERS_NOTE,
    response_class=StreamingResponse,
    responses=_content("text/csv", "CSV with a header row, UTF-8"),
)
async def events_csv(store: StoreDep, filters: ExportFilter) -> StreamingResponse:
    return await _streamed(csv_rows(exports.events(store, filters)), "text/csv; charset=utf-8", "events.csv")
