// Loader: one row per agreement with its parties and evidence.
// `$at` (the loader's: its file's load time) stands for a fact's first_reported and last_changed that the
// row's props leave out (one report: the same value on every row, sent once; a mutation's rows carry theirs).
UNWIND $rows AS row
MERGE (n:Agreement {id: row.id})
SET n = row.props
SET n.first_reported = coalesce(row.props.first_reported, $at),
  n.last_changed = coalesce(row.props.last_changed, $at)
WITH n, row, [label IN labels(n) WHERE label <> 'Agreement' AND NOT label IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels)
WITH n, row
CALL (n, row) {
  MATCH (n)-[r:PARTY|EVIDENCE]->(t)
  WHERE NOT (type(r) + '|' + t.id + '|' + coalesce(r.side, r.quote, '')) IN row.keys
  DELETE r
}
CALL (n, row) {
  UNWIND row.parties AS link
  MERGE (t:Actor {id: link.target})
  MERGE (n)-[r:PARTY {side: link.side}]->(t)
  SET r.sources = coalesce(row.link_sources['PARTY|' + link.target + '|' + link.side], row.sources)
}
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  MERGE (n)-[r:EVIDENCE {quote: evidence.quote}]->(t)
  SET r.start = evidence.start, r.end = evidence.end
}
