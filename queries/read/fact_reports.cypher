// The reports of some facts, with their sources, oldest first: the live ones ($as_of null), or those live
// at $as_of (loaded by then and not retracted by then). Reads :Report(fact), so retracted reports (no
// longer linked to their fact) answer too.
UNWIND $ids AS fact
MATCH (r:Report {fact: fact})-[:FROM]->(s:Source)
WHERE CASE WHEN $as_of IS NULL THEN r.retracted_at IS NULL
      ELSE r.loaded_at <= $as_of AND (r.retracted_at IS NULL OR r.retracted_at > $as_of) END
WITH fact, r, s ORDER BY r.loaded_at, s.id
RETURN fact, collect({report: properties(r), source: properties(s)}) AS reports
