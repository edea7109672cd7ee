// The node a neighbourhood starts from: an actor, event or agreement by id (each branch an index seek).
CALL () {
  MATCH (n:Actor {id: $id}) RETURN n
  UNION
  MATCH (n:Event {id: $id}) RETURN n
  UNION
  MATCH (n:Agreement {id: $id}) RETURN n
}
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, source: s.id, title: s.title, url: s.url,
                                        publisher: s.publisher}] AS evidence
