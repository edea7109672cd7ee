// Loader: actors the graph holds that may answer to names the files use but do not define, found through the
// full-text index on names and aliases (queries/schema/30_fulltext_names.cypher): a few best hits per name,
// so the cost grows with the names asked, not with the graph. Lucene only proposes; which hit a name means
// (exactly, or close enough for a hint or a candidate) is decided by graph/names, one normalisation and one
// set of cut-offs for the loader, the API and ingest.
UNWIND $names AS wanted
CALL db.index.fulltext.queryNodes('names_and_titles', wanted.query, {limit: $limit}) YIELD node
WITH DISTINCT node WHERE node:Actor
RETURN node.id AS id, node.kind AS kind, node.name AS name, coalesce(node.aliases, []) AS aliases,
       node.iso_code AS iso_code
