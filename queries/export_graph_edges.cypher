// Export: the relationships among the nodes of export_graph_nodes (same filters), each once.
MATCH (e:Event)
WHERE ($kinds IS NULL OR e.kind IN $kinds)
  AND ($from IS NULL OR e.end_date >= $from)
  AND ($to IS NULL OR e.start_date <= $to)
  AND ($side IS NULL OR EXISTS {
    (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(who:Actor) WHERE who.id IN $side })
  AND ($place IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Place {id: $place}) })
  AND ($country IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Country {id: $country}) })
  AND ($source IS NULL OR EXISTS { (e)-[:EVIDENCE]->(:Source {id: $source}) })
CALL (e) {
  MATCH (e)-[r:PARTICIPANT|IN_PLACE|PART_OF|FOLLOWS|RESPONSE_TO|ABOUT|PRODUCED]->(b)
  WHERE b:Actor OR b:Event OR b:Agreement
  RETURN e AS a, r, b
  UNION
  MATCH (e)-[:PRODUCED]->(a:Agreement)-[r:PARTY]->(b:Actor)
  RETURN a, r, b
}
WITH DISTINCT a, r, b
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
