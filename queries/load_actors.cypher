// Loader: one row per actor (person, organization, country, region, city) with its place and country links.
UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
SET n = row.props
WITH n, row, [label IN labels(n) WHERE label <> 'Actor' AND NOT label IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels)
WITH n, row
CALL (n, row) {
  MATCH (n)-[r:IN|BELONGS_TO]->(t)
  WHERE NOT (type(r) + '|' + t.id + '|') IN row.keys
  DELETE r
}
CALL (n, row) {
  UNWIND row.parent AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[:IN]->(t)
}
CALL (n, row) {
  UNWIND row.country AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[:BELONGS_TO]->(t)
}
