// Loader: the new reports of a file (after their facts are written): each names its fact, source and load, and
// `alias`, the record's own id when it reports the fact under another one (graph/load/matching.py).
// A report that was retracted and is given again (same fact, source and record) is live again: its earlier
// live span is kept in `earlier_loaded_at` / `earlier_retracted_at` (lists, oldest first), `loaded_at` is now.
// The load is matched once for the batch; each fact is one index seek under its section's label.
OPTIONAL MATCH (l:Load {id: $load})
UNWIND $rows AS row
MERGE (r:Report {id: row.id})
WITH l, r, row, r.retracted_at IS NOT NULL AS returning
SET r.earlier_loaded_at = CASE WHEN returning THEN coalesce(r.earlier_loaded_at, []) + [r.loaded_at]
                               ELSE r.earlier_loaded_at END,
  r.earlier_retracted_at = CASE WHEN returning THEN coalesce(r.earlier_retracted_at, []) + [r.retracted_at]
                                ELSE r.earlier_retracted_at END
SET r.fact = row.fact, r.source = row.source, r.section = row.section, r.hash = row.hash,
  r.record = row.record, r.alias = row.alias, r.loaded_at = $at, r.load = $load
REMOVE r.retracted_at
WITH l, r, row
CALL (l, r) {
  WITH l, r WHERE l IS NOT NULL
  MERGE (r)-[:IN_LOAD]->(l)
}
CALL (r, row) {
  MATCH (s:Source {id: row.source})
  MERGE (r)-[:FROM]->(s)
}
CALL (r, row) {
  WITH r, row WHERE row.section = 'events'
  MATCH (fact:Event {id: row.fact})
  MERGE (r)-[:OF]->(fact)
}
CALL (r, row) {
  WITH r, row WHERE row.section = 'agreements'
  MATCH (fact:Agreement {id: row.fact})
  MERGE (r)-[:OF]->(fact)
}
CALL (r, row) {
  WITH r, row WHERE row.section = 'offices'
  MATCH (fact:Office {id: row.fact})
  MERGE (r)-[:OF]->(fact)
}
CALL (r, row) {
  WITH r, row WHERE row.section = 'claims'
  MATCH (fact:Claim {id: row.fact})
  MERGE (r)-[:OF]->(fact)
}
