// kg unload: delete the source when nothing live refers to it any more (no live report, no quote).
MATCH (s:Source {id: $source})
WHERE NOT EXISTS { MATCH (r:Report {source: $source}) WHERE r.retracted_at IS NULL }
  AND NOT EXISTS { (s)<-[:EVIDENCE]-() }
DETACH DELETE s
RETURN count(*) AS deleted
