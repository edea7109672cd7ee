// `kg review --decide`: is there an actor, event or agreement with this id?
CALL () {
  MATCH (n:Actor {id: $id}) RETURN n.id AS id
  UNION
  MATCH (n:Event {id: $id}) RETURN n.id AS id
  UNION
  MATCH (n:Agreement {id: $id}) RETURN n.id AS id
}
RETURN id
