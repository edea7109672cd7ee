// Loader: one row per actor (person, organization, country, region, city) with its place and country links.
// An actor whose kind, labels, country or container changes changes the ENGAGED links of the events that link
// to it or to a place in it, and of their legs: those are marked :EngagedStale (queries/engaged_refresh.cypher).
UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
WITH n, row, [n.kind, labels(n), [(n)-[r:IN|BELONGS_TO]->(t) | type(r) + '|' + t.id]] AS before
SET n = row.props
WITH n, row, before, [label IN labels(n) WHERE label <> 'Actor' AND NOT label IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels)
WITH n, row, before
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
WITH n, before, [n.kind, labels(n), [(n)-[r:IN|BELONGS_TO]->(t) | type(r) + '|' + t.id]] AS after
WHERE coalesce(before[0], '') <> coalesce(after[0], '')
   OR any(i IN [1, 2] WHERE size(before[i]) <> size(after[i]) OR any(x IN before[i] WHERE NOT x IN after[i]))
CALL (n) {
  // the actor's own events, and those in a place in it (a city in a region in a country: two steps)
  MATCH (e:Event)-[:PARTICIPANT|IN_PLACE|ABOUT]->(:Actor)-[:IN*0..2]->(n)
  WITH DISTINCT e
  SET e:EngagedStale
  WITH e
  MATCH (leg:Event)-[:PART_OF*1..3]->(e)
  SET leg:EngagedStale
}
