// Loader: every live report of a source, without its record (a reload finds the facts its file no longer
// gives among them; only those are read in full).
MATCH (r:Report {source: $source})
WHERE r.retracted_at IS NULL
RETURN r.id AS id, r.fact AS fact, r.section AS section, r.loaded_at AS loaded_at
