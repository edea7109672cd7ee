// Loader: one row per event with its participants, places, trip, topics, agreements, days and evidence.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n = row.props
WITH n, row, [label IN labels(n) WHERE label <> 'Event' AND NOT label IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels)
WITH n, row
CALL (n, row) {
  MATCH (n)-[r:PARTICIPANT|IN_PLACE|PART_OF|ABOUT|PRODUCED|ON|EVIDENCE]->(t)
  WHERE NOT (type(r) + '|' + coalesce(t.id, toString(t.date)) + '|' + coalesce(r.role, r.quote, '')) IN row.keys
  DELETE r
}
CALL (n, row) {
  UNWIND row.participants AS link
  MERGE (t:Actor {id: link.target})
  MERGE (n)-[:PARTICIPANT {role: link.role}]->(t)
}
CALL (n, row) {
  UNWIND row.places AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[:IN_PLACE]->(t)
}
CALL (n, row) {
  UNWIND row.part_of AS target
  MERGE (t:Event {id: target})
  MERGE (n)-[:PART_OF]->(t)
}
CALL (n, row) {
  UNWIND row.about AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[:ABOUT]->(t)
}
CALL (n, row) {
  UNWIND row.produced AS target
  MERGE (t:Agreement {id: target})
  MERGE (n)-[:PRODUCED]->(t)
}
CALL (n, row) {
  UNWIND row.days AS day
  MERGE (t:Day {date: day})
  MERGE (n)-[:ON]->(t)
}
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  MERGE (n)-[r:EVIDENCE {quote: evidence.quote}]->(t)
  SET r.start = evidence.start, r.end = evidence.end
}
