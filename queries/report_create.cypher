// Loader: the new reports of a file (after their facts are written): each names its fact, source and load, and
// `alias`, the record's own id when it reports the fact under another one (graph/load/matching.py).
// A report that was retracted and is given again (same fact, source and record) is live again: its earlier
// live span is kept in `earlier_loaded_at` / `earlier_retracted_at` (lists, oldest first), `loaded_at` is now.
UNWIND $rows AS row
MERGE (r:Report {id: row.id})
WITH r, row, r.retracted_at IS NOT NULL AS returning
SET r.earlier_loaded_at = CASE WHEN returning THEN coalesce(r.earlier_loaded_at, []) + [r.loaded_at]
                               ELSE r.earlier_loaded_at END,
  r.earlier_retracted_at = CASE WHEN returning THEN coalesce(r.earlier_retracted_at, []) + [r.retracted_at]
                                ELSE r.earlier_retracted_at END
SET r.fact = row.fact, r.source = row.source, r.section = row.section, r.hash = row.hash,
  r.record = row.record, r.alias = row.alias, r.loaded_at = $at, r.load = $load
REMOVE r.retracted_at
WITH r, row
MATCH (s:Source {id: row.source})
MERGE (r)-[:FROM]->(s)
WITH r, row
CALL (r, row) {
  OPTIONAL MATCH (e:Event {id: row.fact})
  OPTIONAL MATCH (a:Agreement {id: row.fact})
  OPTIONAL MATCH (o:Office {id: row.fact})
  OPTIONAL MATCH (c:Claim {id: row.fact})
  WITH coalesce(e, a, o, c) AS fact WHERE fact IS NOT NULL
  MERGE (r)-[:OF]->(fact)
}
WITH r
MATCH (l:Load {id: $load})
MERGE (r)-[:IN_LOAD]->(l)
