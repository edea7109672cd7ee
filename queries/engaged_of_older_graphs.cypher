// `kg migrate`, after the schema (graph/schema.py): a graph written before the loader kept ENGAGED links
// (queries/engaged_refresh.cypher) has none, and the flagship would find nothing there; mark every event, and
// `migrate` writes their links. It looks at one link first: a graph this loader wrote has them wherever an event
// engaged a region. A graph of events none of which does is marked again at each migration (a scan of its
// events). Not caught: events an older loader wrote into a graph after this ran on it.
OPTIONAL MATCH ()-[sample:ENGAGED]->()
WITH sample LIMIT 1
WITH sample WHERE sample IS NULL
MATCH (e:Event)
CALL (e) {
  SET e:EngagedStale
} IN TRANSACTIONS OF 10000 ROWS
