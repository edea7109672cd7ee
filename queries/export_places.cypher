// Export: each place the selected events took place in, or that is a party to an agreement they produced,
// with those events and the agreements (and their values) signed there or with it.
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
  MATCH (e)-[:IN_PLACE]->(p:Place)
  RETURN p, e AS event, null AS agreement
  UNION
  MATCH (e)-[:IN_PLACE]->(p:Place)
  MATCH (e)-[:PRODUCED]->(g:Agreement)
  RETURN p, null AS event, g AS agreement
  UNION
  MATCH (e)-[:PRODUCED]->(g:Agreement)-[:PARTY]->(p:Place)
  RETURN p, null AS event, g AS agreement
}
WITH p, collect(DISTINCT event) AS events, collect(DISTINCT agreement) AS agreements
RETURN p.id AS id, p.name AS name, p.kind AS kind, p.iso_code AS iso_code, p.location AS location,
       [(p)-[:IN]->(parent:Place) | parent.id][0] AS parent,
       [x IN events | x.id] AS events,
       [g IN agreements | properties(g)] AS agreements
ORDER BY id
