// Loader: one row per claim with what it is about and its evidence.
// `$at` (the loader's: its file's load time) stands for a fact's first_reported and last_changed that the
// row's props leave out (one report: the same value on every row, sent once; a mutation's rows carry theirs).
UNWIND $rows AS row
MERGE (n:Claim {id: row.id})
SET n = row.props
SET n.first_reported = coalesce(row.props.first_reported, $at),
  n.last_changed = coalesce(row.props.last_changed, $at)
WITH n, row
CALL (n, row) {
  MATCH (n)-[r:ABOUT|EVIDENCE]->(t)
  WHERE NOT (type(r) + '|' + t.id + '|' + coalesce(r.quote, '')) IN row.keys
  DELETE r
}
CALL (n, row) {
  UNWIND row.about AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[r:ABOUT]->(t)
  SET r.sources = coalesce(row.link_sources['ABOUT|' + target + '|'], row.sources)
}
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  MERGE (n)-[r:EVIDENCE {quote: evidence.quote}]->(t)
  SET r.start = evidence.start, r.end = evidence.end
}
