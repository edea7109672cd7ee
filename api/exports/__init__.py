"""REST exports for front-ends and desktop tools: Cytoscape.js JSON, GEXF, GeoJSON and CSV."""

from fastapi import APIRouter

from api.exports import answer_routes, routes

router = APIRouter()
router.include_router(routes.router)
router.include_router(answer_routes.router)

__all__ = ["router"]
