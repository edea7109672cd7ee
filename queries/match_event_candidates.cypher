// Matcher: for each incoming event, the known events of its kind family whose dates overlap its window and that
// share at least one participant or place with it (graph/reports/candidates.py scores them). The start_date
// index bounds the scan: a candidate starts at most the lookback before the incoming event's window. Left
// out: the incoming event's own trip (what it is part of, its parts, the other legs of its trip) and pairs an
// analyst called different (a decided :Candidate). Kept plain (lists, no OR of subqueries): it plans fast.
UNWIND $incoming AS e
WITH e, COLLECT { MATCH (:Event {id: e.part_of})-[:PART_OF*0..3]->(up:Event) RETURN up.id } AS trip
MATCH (n:Event)
WHERE n.start_date >= e.earliest AND n.start_date <= e.to
  AND n.end_date >= e.from
  AND n.kind IN e.kinds
  AND NOT n.id IN e.exclude
  AND NOT n.id IN trip
WITH e, n, trip,
     COLLECT { MATCH (n)-[:PARTICIPANT]->(a:Actor) RETURN DISTINCT a.id } AS participants,
     COLLECT { MATCH (n)-[:IN_PLACE]->(p:Actor) RETURN p.id } AS places,
     COLLECT { MATCH (n)-[:PART_OF*1..3]->(up:Event) RETURN up.id } AS ancestors
WHERE (any(id IN participants WHERE id IN e.participants) OR any(id IN places WHERE id IN e.places))
  AND NOT e.id IN ancestors
  AND NOT any(id IN ancestors WHERE id IN trip)
WITH e, n, participants, places,
     'event|' + CASE WHEN e.id < n.id THEN e.id + '|' + n.id ELSE n.id + '|' + e.id END AS pair
WITH e, n, participants, places, COLLECT { MATCH (c:Candidate {id: pair}) RETURN c.decision }[0] AS decided
WHERE decided IS NULL OR decided <> 'different'
RETURN e.key AS key, e.id AS incoming, n.id AS id, n.kind AS kind, n.title AS title,
       n.start_date AS start_date, n.end_date AS end_date, n.date_precision AS precision,
       participants, places,
       COLLECT { MATCH (n)-[:IN_PLACE]->(p:Actor)-[:IN*1..4]->(up:Actor) RETURN [p.id, up.id] } AS within,
       decided
