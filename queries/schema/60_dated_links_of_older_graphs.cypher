// Data, not schema: a graph written before the PARTICIPANT and IN_PLACE links carried their actor's id and
// their event's start_date (queries/load_events.cypher) lacks them, and the candidate search, which seeks
// them through 20_participant_actor_start_date and 20_in_place_actor_start_date, would not find its events;
// write them. Every `kg load` runs this first, so it looks at one link before it scans them all: an older
// graph's links all lack them (the first link of the scan among them), a graph this loader wrote has them on
// every link, and the scan of every link would cost half a second a load at 100,000 events. Not caught: links
// an older loader wrote into a graph after this ran on it.
MATCH ()-[sample:PARTICIPANT|IN_PLACE]->()
WITH sample LIMIT 1
WITH sample WHERE sample.actor IS NULL
MATCH (n:Event)-[r:PARTICIPANT|IN_PLACE]->(a:Actor)
WHERE r.actor IS NULL
CALL (n, r, a) {
  SET r.actor = a.id, r.start_date = n.start_date
} IN TRANSACTIONS OF 10000 ROWS
