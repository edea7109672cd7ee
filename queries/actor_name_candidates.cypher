// Loader: actors the graph holds whose name or alias may be one of these new actors' (graph/load/matching.py
// `close_stored_actors`): the full-text index, fuzzy, a few hits per name, same kind; graph/names scores them.
UNWIND $names AS wanted
CALL db.index.fulltext.queryNodes('names_and_titles', wanted.query, {limit: 10}) YIELD node
WHERE node:Actor AND node.kind = wanted.kind AND NOT node.id IN $exclude
RETURN DISTINCT node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases, node.kind AS kind
