// Matcher: for each incoming agreement, the known agreements that may be the same contract under another id
// (graph/reports/candidates.py scores them): one produced by a signing that produced the incoming one, or one
// dated within its window (the start_date index bounds the scan, as for events) with a party in common. Left
// out: pairs an analyst called different (a decided :Candidate). The loader keeps the plan made on its first
// file's graph (graph/queries.py `planned_to_keep`): the hint keeps that a seek.
UNWIND $incoming AS g
CALL (g) {
  MATCH (e:Event)-[:PRODUCED]->(n:Agreement)
  WHERE e.id IN g.produced_by
  RETURN n
  UNION
  MATCH (n:Agreement) USING INDEX SEEK n:Agreement(start_date)
  WHERE g.from IS NOT NULL AND n.start_date >= g.earliest AND n.start_date <= g.to AND n.end_date >= g.from
    AND EXISTS { MATCH (n)-[:PARTY]->(a:Actor) WHERE a.id IN g.parties }
  RETURN n
}
WITH g, n
WHERE NOT n.id IN g.exclude
WITH g, n, 'event|' + CASE WHEN g.id < n.id THEN g.id + '|' + n.id ELSE n.id + '|' + g.id END AS pair
WITH g, n, COLLECT { MATCH (c:Candidate {id: pair}) RETURN c.decision }[0] AS decided
WHERE decided IS NULL OR decided <> 'different'
RETURN g.key AS key, g.id AS incoming, n.id AS id, n.kind AS kind, n.title AS title,
       n.start_date AS start_date, n.end_date AS end_date, n.date_precision AS precision,
       n.value_amount AS value_amount, n.value_currency AS value_currency, n.value_usd AS value_usd,
       COLLECT { MATCH (n)-[:PARTY]->(a:Actor) RETURN DISTINCT a.id } AS parties,
       COLLECT { MATCH (e:Event)-[:PRODUCED]->(n) RETURN e.id } AS produced_by,
       decided
