// Loader, records not in the graph yet (or only as the bare target of another record's link): nothing to
// compare or remove, so relationships are CREATEd. Same rows as load_events.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n = row.props, n:$(row.labels)
WITH n, row
CALL (n, row) {
  UNWIND row.participants AS link
  MERGE (t:Actor {id: link.target})
  CREATE (n)-[:PARTICIPANT {role: link.role}]->(t)
}
CALL (n, row) {
  UNWIND row.places AS target
  MERGE (t:Actor {id: target})
  CREATE (n)-[:IN_PLACE]->(t)
}
CALL (n, row) {
  UNWIND row.part_of AS target
  MERGE (t:Event {id: target})
  CREATE (n)-[:PART_OF]->(t)
}
CALL (n, row) {
  UNWIND row.about AS target
  MERGE (t:Actor {id: target})
  CREATE (n)-[:ABOUT]->(t)
}
CALL (n, row) {
  UNWIND row.produced AS target
  MERGE (t:Agreement {id: target})
  CREATE (n)-[:PRODUCED]->(t)
}
CALL (n, row) {
  UNWIND row.days AS day
  MERGE (t:Day {date: day})
  CREATE (n)-[:ON]->(t)
}
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  CREATE (n)-[:EVIDENCE {quote: evidence.quote, start: evidence.start, end: evidence.end}]->(t)
}
