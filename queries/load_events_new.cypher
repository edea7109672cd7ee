// Loader, records not in the graph yet (or only as the bare target of another record's link), whose actors and
// sources were written earlier in this load: nothing to compare or remove, every target exists, so
// relationships are CREATEd to MATCHed targets. Same rows as load_events.cypher, and the same actor and
// start_date on the PARTICIPANT and IN_PLACE links, and the same :EngagedStale marks (an event written before
// as the bare target of a PART_OF link may have legs).
// A record another load wrote meanwhile (its links are visible once its lock is ours, after SET) is left
// alone here and its id returned: the writer runs load_events.cypher for it in the same transaction.
// `$at` (the loader's: its file's load time) stands for a fact's first_reported and last_changed that the
// row's props leave out (one report: the same value on every row, sent once; a mutation's rows carry theirs).
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n = row.props, n:$(row.labels), n:EngagedStale
SET n.first_reported = coalesce(row.props.first_reported, $at),
  n.last_changed = coalesce(row.props.last_changed, $at)
WITH n, row, EXISTS { (n)-->() } AS taken
CALL (n) {
  MATCH (leg:Event)-[:PART_OF*1..3]->(n)
  SET leg:EngagedStale
}
CALL (n, row, taken) {
  WITH n, row WHERE NOT taken
  CALL (n, row) {
    UNWIND row.participants AS link
    MATCH (t:Actor {id: link.target})
    CREATE (n)-[:PARTICIPANT {role: link.role, sources: row.sources, actor: t.id, start_date: n.start_date}]->(t)
  }
  CALL (n, row) {
    UNWIND row.places AS target
    MATCH (t:Actor {id: target})
    CREATE (n)-[:IN_PLACE {sources: row.sources, actor: t.id, start_date: n.start_date}]->(t)
  }
  CALL (n, row) {
    UNWIND row.part_of AS target
    MERGE (t:Event {id: target})
    CREATE (n)-[:PART_OF {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.links AS link
    MERGE (t:Event {id: link.target})
    CREATE (n)-[:$(link.type) {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.about AS target
    MATCH (t:Actor {id: target})
    CREATE (n)-[:ABOUT {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.produced AS target
    MERGE (t:Agreement {id: target})
    CREATE (n)-[:PRODUCED {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.days AS value
    MERGE (t:Day {date: value})
    CREATE (n)-[:ON {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.months AS value
    MERGE (t:Month {month: value})
    CREATE (n)-[:ON {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.years AS value
    MERGE (t:Year {year: value})
    CREATE (n)-[:ON {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.decades AS value
    MERGE (t:Decade {decade: value})
    CREATE (n)-[:ON {sources: row.sources}]->(t)
  }
  CALL (n, row) {
    UNWIND row.evidence AS evidence
    MATCH (t:Source {id: evidence.source})
    CREATE (n)-[:EVIDENCE {quote: evidence.quote, start: evidence.start, end: evidence.end}]->(t)
  }
}
WITH row WHERE taken
RETURN row.id AS taken
