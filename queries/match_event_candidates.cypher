// Matcher: for each incoming event, the known events of its kind family whose dates overlap its window and that
// share at least one participant or place with it (graph/reports/candidates.py scores them). They are found
// from the shared actors: an actor with at most $fanout events of that role gives its events, through its
// relationships; a busier one (a head of state, a capital) gives the events in the window instead, through the
// start_date index, that link to it. Either way a candidate starts at most the lookback before the incoming
// event's window. Left out: the incoming event's own trip (what it is part of, its parts, the other legs of its
// trip) and pairs an analyst called different (a decided :Candidate). The index hints keep the plan made on an
// empty graph (the first file of a bulk load) from scanning the actors' index for every id, and the trip's
// start from scanning the events'; an actor's own events are a pattern comprehension, so they are always its
// relationships, never a scan of the start_date index joined to it (planned so on a small graph, that read
// the whole index for every actor: 8 M db hits for a 1,000-event file at 3,000 events).
UNWIND $incoming AS e
WITH e, COLLECT {
  MATCH (leg:Event {id: e.part_of}) USING INDEX SEEK leg:Event(id)
  MATCH (leg)-[:PART_OF*0..3]->(up:Event)
  RETURN up.id
} AS trip
CALL (e) {
  UNWIND e.participants AS actor
  MATCH (a:Actor {id: actor}) USING INDEX SEEK a:Actor(id)
  RETURN collect(CASE WHEN COUNT { (a)<-[:PARTICIPANT]-() } > $fanout THEN actor END) AS busy_participants
}
CALL (e) {
  UNWIND e.places AS place
  MATCH (a:Actor {id: place}) USING INDEX SEEK a:Actor(id)
  RETURN collect(CASE WHEN COUNT { (a)<-[:IN_PLACE]-() } > $fanout THEN place END) AS busy_places
}
CALL (e, busy_participants, busy_places) {
  UNWIND [each IN e.participants WHERE NOT each IN busy_participants] AS actor
  MATCH (a:Actor {id: actor}) USING INDEX SEEK a:Actor(id)
  UNWIND [(a)<-[:PARTICIPANT]-(n:Event) WHERE n.start_date >= e.earliest AND n.start_date <= e.to | n] AS n
  RETURN n
  UNION
  UNWIND [each IN e.places WHERE NOT each IN busy_places] AS place
  MATCH (a:Actor {id: place}) USING INDEX SEEK a:Actor(id)
  UNWIND [(a)<-[:IN_PLACE]-(n:Event) WHERE n.start_date >= e.earliest AND n.start_date <= e.to | n] AS n
  RETURN n
  UNION
  UNWIND CASE WHEN busy_participants = [] AND busy_places = [] THEN [] ELSE [true] END AS busy
  MATCH (n:Event) USING INDEX SEEK n:Event(start_date)
  WHERE n.start_date >= e.earliest AND n.start_date <= e.to AND n.end_date >= e.from AND n.kind IN e.kinds
    AND (any(id IN COLLECT { MATCH (n)-[:PARTICIPANT]->(a:Actor) RETURN a.id } WHERE id IN busy_participants)
         OR any(id IN COLLECT { MATCH (n)-[:IN_PLACE]->(p:Actor) RETURN p.id } WHERE id IN busy_places))
  RETURN n
}
WITH e, n, trip
WHERE n.end_date >= e.from
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
