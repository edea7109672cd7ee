// Loader, records not in the graph yet (or only as the bare target of another record's link), whose actors and
// sources were written earlier in this load: nothing to compare or remove, every target exists, so
// relationships are CREATEd to MATCHed targets. Same rows as load_agreements.cypher.
// A record another load wrote meanwhile (its links are visible once its lock is ours, after SET) is left
// alone here and its id returned: the writer runs load_agreements.cypher for it in the same transaction.
// `$at` (the loader's: its file's load time) stands for a fact's first_reported and last_changed that the
// row's props leave out (one report: the same value on every row, sent once; a mutation's rows carry theirs).
UNWIND $rows AS row
MERGE (n:Agreement {id: row.id})
SET n = row.props, n:$(row.labels)
SET n.first_reported = coalesce(row.props.first_reported, $at),
  n.last_changed = coalesce(row.props.last_changed, $at)
WITH n, row, EXISTS { (n)-->() } AS taken
CALL (n, row, taken) {
  WITH n, row WHERE NOT taken
  CALL (n, row) {
    UNWIND row.parties AS link
    MATCH (t:Actor {id: link.target})
    CREATE (n)-[:PARTY {side: link.side, sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.evidence AS evidence
    MATCH (t:Source {id: evidence.source})
    CREATE (n)-[:EVIDENCE {quote: evidence.quote, start: evidence.start, end: evidence.end}]->(t)
  }
}
WITH row WHERE taken
RETURN row.id AS taken
