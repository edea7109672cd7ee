// Matcher: for each incoming event, the known events of its kind family whose dates overlap its window and that
// share at least one participant or place with it (graph/reports/candidates.py scores them). They are found
// from the shared actors, each through its links' index on (actor, start_date)
// (queries/schema/20_participant_actor_start_date.cypher, 20_in_place_actor_start_date.cypher: the loader
// writes the actor's id and the event's start_date on every PARTICIPANT and IN_PLACE link): a seek of the
// actor's events that start in the window, at most the lookback before the incoming event's, however many
// events the actor has in all. Walking an actor's relationships instead costs every event it ever took part
// in (about 80 a participant and 260 a place at 100,000 events), and grows with the graph. Left out: the
// incoming event's own trip (what it is part of, its parts, the other legs of its trip) and pairs an analyst
// called different (a decided :Candidate). The index hints keep the plan made on an empty graph (the first
// file of a bulk load) from scanning instead, and the trip's start from scanning the events'.
UNWIND $incoming AS e
WITH e, COLLECT {
  MATCH (leg:Event {id: e.part_of}) USING INDEX SEEK leg:Event(id)
  MATCH (leg)-[:PART_OF*0..3]->(up:Event)
  RETURN up.id
} AS trip
CALL (e) {
  UNWIND e.participants AS actor
  MATCH (n:Event)-[r:PARTICIPANT]->() USING INDEX r:PARTICIPANT(actor, start_date)
  WHERE r.actor = actor AND r.start_date >= e.earliest AND r.start_date <= e.to
  RETURN n
  UNION
  UNWIND e.places AS place
  MATCH (n:Event)-[r:IN_PLACE]->() USING INDEX r:IN_PLACE(actor, start_date)
  WHERE r.actor = place AND r.start_date >= e.earliest AND r.start_date <= e.to
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
