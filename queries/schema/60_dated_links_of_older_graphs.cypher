// Data, not schema: a graph written before the PARTICIPANT and IN_PLACE links carried their actor's id and
// their event's start_date (queries/load_events.cypher) lacks them, and the candidate search, which seeks
// them through 20_participant_actor_start_date and 20_in_place_actor_start_date, would not find its events;
// write them. Nothing to do the second time (a scan of the links, no write).
MATCH (n:Event)-[r:PARTICIPANT|IN_PLACE]->(a:Actor)
WHERE r.actor IS NULL
CALL (n, r, a) {
  SET r.actor = a.id, r.start_date = n.start_date
} IN TRANSACTIONS OF 10000 ROWS
