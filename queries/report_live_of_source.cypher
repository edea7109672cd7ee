// Loader: a page of a source's live reports in id order, without their records (a reload finds the facts its
// file no longer gives among them; only those are read in full). Paged by id through the (source, id) index,
// which gives them in order: a source of millions of reports is read a page at a time.
MATCH (r:Report)
USING INDEX r:Report(source, id)
WHERE r.source = $source AND r.id > $after AND r.retracted_at IS NULL
RETURN r.id AS id, r.fact AS fact, r.section AS section, r.loaded_at AS loaded_at
ORDER BY r.source, r.id
LIMIT $page
