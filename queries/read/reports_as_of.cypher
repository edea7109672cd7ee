// Every report of a section's facts that was live at $as_of (loaded by then, not retracted by then, in its
// current live span or an earlier one), with its source id: what the graph said at that moment, to
// reconcile fact by fact.
MATCH (r:Report {section: $section})
WHERE ((r.loaded_at <= $as_of AND (r.retracted_at IS NULL OR r.retracted_at > $as_of))
       OR any(i IN range(0, size(coalesce(r.earlier_loaded_at, [])) - 1)
              WHERE r.earlier_loaded_at[i] <= $as_of AND r.earlier_retracted_at[i] > $as_of))
  AND ($ids IS NULL OR r.fact IN $ids)
RETURN r.id AS id, r.fact AS fact, r.source AS source, r.loaded_at AS loaded_at, r.record AS record
ORDER BY r.fact, r.loaded_at, r.source
