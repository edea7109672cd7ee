// Loader, records not in the graph yet (or only as the bare target of another record's link): nothing to
// compare or remove, so relationships are CREATEd. Same rows as load_agreements.
UNWIND $rows AS row
MERGE (n:Agreement {id: row.id})
SET n = row.props, n:$(row.labels)
WITH n, row
CALL (n, row) {
  UNWIND row.parties AS link
  MERGE (t:Actor {id: link.target})
  CREATE (n)-[:PARTY {side: link.side}]->(t)
}
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  CREATE (n)-[:EVIDENCE {quote: evidence.quote, start: evidence.start, end: evidence.end}]->(t)
}
