// Loader: one row per source (digest), and its text when the seed file names one, so that quotes written
// later through the API are checked against it. See graph/load/rows.py for the row shape.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n = row.props
WITH n, row
CALL (n, row) {
  MATCH (n)-[:HAS_TEXT]->(stale:SourceText)
  WHERE row.text IS NULL
  DETACH DELETE stale
}
CALL (n, row) {
  WITH n, row
  WHERE row.text IS NOT NULL
  MERGE (n)-[:HAS_TEXT]->(t:SourceText)
  SET t.text = row.text
}
