// Loader: the live reports of these facts, and (when $source is given) every live report of that source,
// one index seek per fact; `record` rebuilds the fact with the reports of other sources.
CALL () {
  UNWIND $facts AS fact
  MATCH (r:Report {fact: fact})
  WHERE r.retracted_at IS NULL
  RETURN r
  UNION
  MATCH (r:Report {source: $source})
  WHERE r.retracted_at IS NULL
  RETURN r
}
RETURN r.id AS id, r.fact AS fact, r.source AS source, r.section AS section, r.record AS record,
  r.loaded_at AS loaded_at
