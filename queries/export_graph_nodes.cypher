// Export: the selected events and everything they link to (participants, places, trips, the events they
// follow up or respond to, topics, agreements and those agreements' parties), each node once.
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
  RETURN e AS n
  UNION
  MATCH (e)-[:PARTICIPANT|IN_PLACE|PART_OF|FOLLOWS|RESPONSE_TO|ABOUT|PRODUCED]->(n)
  WHERE n:Actor OR n:Event OR n:Agreement
  RETURN n
  UNION
  MATCH (e)-[:PRODUCED]->(:Agreement)-[:PARTY]->(n:Actor)
  RETURN n
}
WITH DISTINCT n
RETURN labels(n) AS labels, properties(n) AS properties,
       [(n)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, source: s.id, title: s.title, url: s.url,
                                        publisher: s.publisher}] AS evidence
