// The reports of some facts, with their sources, oldest first: the live ones ($as_of null), or those live
// at $as_of (loaded by then and not retracted by then, in its current live span or an earlier one: a
// report retracted and given again keeps its earlier span). Reads :Report(fact), so retracted reports (no
// longer linked to their fact) answer too.
UNWIND $ids AS fact
MATCH (r:Report {fact: fact})-[:FROM]->(s:Source)
WHERE CASE WHEN $as_of IS NULL THEN r.retracted_at IS NULL
      ELSE (r.loaded_at <= $as_of AND (r.retracted_at IS NULL OR r.retracted_at > $as_of))
        OR any(i IN range(0, size(coalesce(r.earlier_loaded_at, [])) - 1)
               WHERE r.earlier_loaded_at[i] <= $as_of AND r.earlier_retracted_at[i] > $as_of) END
WITH fact, r, s ORDER BY r.loaded_at, s.id
RETURN fact, collect({report: properties(r), source: properties(s)}) AS reports
