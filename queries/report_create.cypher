// Loader: the new reports of a file (after their facts are written): each names its fact, source and load, and
// `alias`, the record's own id when it reports the fact under another one (graph/load/matching.py).
// A report that was retracted and is given again (same fact, source and record) is live again: its earlier
// live span is kept in `earlier_loaded_at` / `earlier_retracted_at` (lists, oldest first), `loaded_at` is now.
// Every read comes before any write, so the plan has one Eager between them (and one more between the spans'
// reads and the new `loaded_at`), not one between each MERGE: the load is matched once, each distinct source
// once (a file's reports share theirs), and each fact is one index seek under its own section's label only
// (the UNWIND of an empty list skips the other sections' seeks; a WHERE was planned after them).
// tests/graph/test_report_create_plan.py checks that shape.
OPTIONAL MATCH (l:Load {id: $load})
CALL () {
  UNWIND $rows AS row
  WITH DISTINCT row.source AS id
  MATCH (s:Source {id: id})
  RETURN collect([id, s]) AS sources
}
UNWIND $rows AS row
OPTIONAL CALL (row) {
  UNWIND CASE row.section WHEN 'events' THEN [row.fact] ELSE [] END AS id
  MATCH (fact:Event {id: id})
  RETURN fact
  UNION ALL
  UNWIND CASE row.section WHEN 'agreements' THEN [row.fact] ELSE [] END AS id
  MATCH (fact:Agreement {id: id})
  RETURN fact
  UNION ALL
  UNWIND CASE row.section WHEN 'offices' THEN [row.fact] ELSE [] END AS id
  MATCH (fact:Office {id: id})
  RETURN fact
  UNION ALL
  UNWIND CASE row.section WHEN 'claims' THEN [row.fact] ELSE [] END AS id
  MATCH (fact:Claim {id: id})
  RETURN fact
}
WITH l, fact, row.id AS id, row.fact AS fact_id, row.source AS source, row.section AS section,
  row.hash AS hash, row.record AS record, row.alias AS alias,
  [pair IN sources WHERE pair[0] = row.source | pair[1]] AS from
MERGE (r:Report {id: id})
FOREACH (_ IN CASE WHEN r.retracted_at IS NULL THEN [] ELSE [1] END |
  SET r.earlier_loaded_at = coalesce(r.earlier_loaded_at, []) + [r.loaded_at],
    r.earlier_retracted_at = coalesce(r.earlier_retracted_at, []) + [r.retracted_at])
SET r.fact = fact_id, r.source = source, r.section = section, r.hash = hash, r.record = record,
  r.alias = alias, r.loaded_at = $at, r.load = $load
REMOVE r.retracted_at
FOREACH (load IN CASE WHEN l IS NULL THEN [] ELSE [l] END | MERGE (r)-[:IN_LOAD]->(load))
FOREACH (s IN from | MERGE (r)-[:FROM]->(s))
FOREACH (f IN CASE WHEN fact IS NULL THEN [] ELSE [fact] END | MERGE (r)-[:OF]->(f))
