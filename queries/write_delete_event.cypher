// Mutations: delete events and their own relationships; the agreements they produced, the places, actors,
// time nodes and sources they link to stay, and the legs of a deleted trip just lose their PART_OF link.
UNWIND $rows AS row
MATCH (n:Event {id: row.id})
CALL (n) {
  MATCH (leg:Event)-[:PART_OF*1..3]->(n)
  SET leg:EngagedStale  // they lose its participants (queries/engaged_refresh.cypher)
}
DETACH DELETE n
