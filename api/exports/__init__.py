"""REST exports for front-ends and desktop tools: Cytoscape.js JSON, GEXF, GeoJSON and CSV."""

from api.exports.routes import router

__all__ = ["router"]
