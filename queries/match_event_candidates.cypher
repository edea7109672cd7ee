// Matcher: for each incoming event, the known events of its kind family whose dates overlap its window and that
// share at least one participant or place with it (graph/reports/candidates.py scores them). The start_date
// index bounds the scan: a candidate starts at most $lookback days before the incoming event's window.
// Pairs an analyst called different (a decided :Candidate) are left out, and so are the events of the incoming
// event's own trip: what it is part of, its parts and its sibling legs.
UNWIND $incoming AS e
MATCH (n:Event)
WHERE n.start_date >= e.earliest AND n.start_date <= e.to
  AND n.end_date >= e.from
  AND n.kind IN e.kinds
  AND NOT n.id IN e.exclude
  AND NOT EXISTS { (n)-[:PART_OF*1..3]->(:Event {id: e.id}) }
  AND (e.part_of IS NULL
       OR NOT EXISTS { (:Event {id: e.part_of})-[:PART_OF*0..3]->(n) }
          AND NOT EXISTS { (n)-[:PART_OF]->(:Event {id: e.part_of}) })
  AND (EXISTS { (n)-[:PARTICIPANT]->(a:Actor) WHERE a.id IN e.participants }
       OR EXISTS { (n)-[:IN_PLACE]->(p:Actor) WHERE p.id IN e.places })
WITH e, n, 'event|' + CASE WHEN e.id < n.id THEN e.id + '|' + n.id ELSE n.id + '|' + e.id END AS pair
OPTIONAL MATCH (c:Candidate {id: pair})
WITH e, n, c.decision AS decided
WHERE decided IS NULL OR decided <> 'different'
RETURN e.key AS key, e.id AS incoming, n.id AS id, n.kind AS kind, n.title AS title,
       n.start_date AS start_date, n.end_date AS end_date, n.date_precision AS precision,
       [(n)-[:PARTICIPANT]->(a:Actor) | a.id] AS participants,
       [(n)-[:IN_PLACE]->(p:Actor) | p.id] AS places,
       [(n)-[:IN_PLACE]->(p:Actor)-[:IN*1..4]->(up:Actor) | [p.id, up.id]] AS within,
       decided
