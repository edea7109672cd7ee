// The flagship: which regions of $country did the actors in $side engage, through which events, and
// which agreements did they sign with those regions. An event counts when one of $side took part in it or
// in the trip it is a leg of, and it took place in (or involved) a region of $country or a city in one.
CALL () {
  MATCH (a:Actor)<-[:PARTICIPANT]-(:Event)<-[:PART_OF*0..3]-(e:Event)
  WHERE a.id IN $side
    AND ($from IS NULL OR e.end_date >= $from)
    AND ($to IS NULL OR e.start_date <= $to)
  MATCH (e)-[:IN_PLACE|PARTICIPANT]->(:Place)-[:IN*0..1]->(region:Region)-[:IN]->(:Country {id: $country})
  RETURN region, e AS event, null AS agreement
  UNION
  MATCH (a:Actor)<-[:PARTY]-(g:Agreement)-[:PARTY]->(:Place)-[:IN*0..1]->(region:Region)
        -[:IN]->(:Country {id: $country})
  WHERE a.id IN $side
  OPTIONAL MATCH (g)<-[:PRODUCED]-(signing:Event)
  WITH region, g, coalesce(g.start_date, min(signing.start_date)) AS starts,
       coalesce(g.end_date, max(signing.end_date)) AS ends
  WHERE ($from IS NULL OR ends IS NULL OR ends >= $from)
    AND ($to IS NULL OR starts IS NULL OR starts <= $to)
  RETURN region, null AS event, g AS agreement
}
WITH region, collect(DISTINCT event) AS events, collect(DISTINCT agreement) AS agreements
RETURN properties(region) AS region,
       [e IN events | properties(e)] AS events,
       [g IN agreements | properties(g)] AS agreements
