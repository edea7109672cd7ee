// Loader: delete facts no live report holds any more (with their links; an office's HOLDS mirror too). The legs
// of a deleted trip lose its participants: marked :EngagedStale (queries/engaged_refresh.cypher).
UNWIND $rows AS row
WITH row.id AS id
CALL (id) {
  OPTIONAL MATCH (e:Event {id: id})
  OPTIONAL MATCH (a:Agreement {id: id})
  OPTIONAL MATCH (o:Office {id: id})
  OPTIONAL MATCH (c:Claim {id: id})
  WITH coalesce(e, a, o, c) AS fact, o, e WHERE fact IS NOT NULL
  CALL (o) {
    OPTIONAL MATCH (o)-[:HELD_BY]->(:Actor)-[h:HOLDS {id: o.id}]->()
    DELETE h
  }
  CALL (e) {
    MATCH (leg:Event)-[:PART_OF*1..3]->(e)
    SET leg:EngagedStale
  }
  DETACH DELETE fact
}
