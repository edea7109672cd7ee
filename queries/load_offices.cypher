// Loader: one row per office. The :Office node carries the evidence; (:Person)-[:HOLDS {id}]->(holder)
// mirrors it for direct traversal and is replaced when the office names another person or holder.
// `$at` (the loader's: its file's load time) stands for a fact's first_reported and last_changed that the
// row's props leave out (one report: the same value on every row, sent once; a mutation's rows carry theirs).
UNWIND $rows AS row
MERGE (n:Office {id: row.id})
SET n = row.props
SET n.first_reported = coalesce(row.props.first_reported, $at),
  n.last_changed = coalesce(row.props.last_changed, $at)
WITH n, row
CALL (n, row) {
  MATCH (n)-[:HELD_BY]->(person:Actor)-[h:HOLDS {id: row.id}]->(holder)
  WHERE NOT (person.id = row.person AND holder.id = row.of)
  DELETE h
}
CALL (n, row) {
  MATCH (n)-[r:HELD_BY|OF|EVIDENCE]->(t)
  WHERE NOT (type(r) + '|' + t.id + '|' + coalesce(r.quote, '')) IN row.keys
  DELETE r
}
MERGE (person:Actor {id: row.person})
MERGE (holder:Actor {id: row.of})
MERGE (n)-[held:HELD_BY]->(person)
SET held.sources = row.sources
MERGE (n)-[of:OF]->(holder)
SET of.sources = row.sources
MERGE (person)-[h:HOLDS {id: row.id}]->(holder)
SET h = row.holds
WITH n, row
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  MERGE (n)-[r:EVIDENCE {quote: evidence.quote}]->(t)
  SET r.start = evidence.start, r.end = evidence.end
}
