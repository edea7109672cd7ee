// The flagship: which regions of $country did the actors in $side engage, through which events, and
// which agreements did they sign with those regions. An event counts when one of $side took part in it or
// in the trip it is a leg of, and it took place in (or involved) a region of $country or a city in one.
// Both branches start from the members of $side (an index seek each): starting from the regions would
// visit every event held anywhere in the country.
CALL () {
  UNWIND $side AS member
  MATCH (:Actor {id: member})<-[:PARTICIPANT]-(:Event)<-[:PART_OF*0..3]-(e:Event)
  WHERE ($from IS NULL OR e.end_date >= $from)
    AND ($to IS NULL OR e.start_date <= $to)
  WITH DISTINCT e
  MATCH (e)-[:IN_PLACE|PARTICIPANT]->(:Place)-[:IN*0..1]->(region:Region)-[:IN]->(:Country {id: $country})
  RETURN region, e AS event, null AS agreement
  UNION
  UNWIND $side AS member
  MATCH (:Actor {id: member})<-[:PARTY]-(g:Agreement)
  WITH DISTINCT g
  MATCH (g)-[:PARTY]->(:Place)-[:IN*0..1]->(region:Region)-[:IN]->(:Country {id: $country})
  OPTIONAL MATCH (g)<-[:PRODUCED]-(signing:Event)
  WITH region, g, coalesce(g.start_date, min(signing.start_date)) AS starts,
       coalesce(g.end_date, max(signing.end_date)) AS ends
  WHERE ($from IS NULL OR ends IS NULL OR ends >= $from)
    AND ($to IS NULL OR starts IS NULL OR starts <= $to)
  RETURN region, null AS event, g AS agreement
}
WITH region, collect(DISTINCT event) AS events, collect(DISTINCT agreement) AS agreements
RETURN properties(region) AS region,
       [e IN events | e {.id, .kind, .title, .summary, .content, .start_date, .end_date, .date_precision}]
         AS events,
       [g IN agreements | properties(g)] AS agreements
