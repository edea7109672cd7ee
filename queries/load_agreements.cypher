// Loader: one row per agreement with its parties and evidence.
UNWIND $rows AS row
MERGE (n:Agreement {id: row.id})
SET n = row.props
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
