// kg unload: delete the source (and its stored text) when nothing live refers to it any more (no live
// report, no quote).
MATCH (s:Source {id: $source})
WHERE NOT EXISTS { MATCH (r:Report {source: $source}) WHERE r.retracted_at IS NULL }
  AND NOT EXISTS { (s)<-[:EVIDENCE]-() }
OPTIONAL MATCH (s)-[:HAS_TEXT]->(text:SourceText)
DETACH DELETE s, text
RETURN count(*) AS deleted
