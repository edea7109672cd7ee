// Export: the events the filters select (the same filters as read/events_page), one flat row each.
MATCH (e:Event)
WHERE ($kinds IS NULL OR e.kind IN $kinds)
  AND ($from IS NULL OR e.end_date >= $from)
  AND ($to IS NULL OR e.start_date <= $to)
  AND ($side IS NULL OR EXISTS {
    (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(who:Actor) WHERE who.id IN $side })
  AND ($place IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Place {id: $place}) })
  AND ($country IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Country {id: $country}) })
  AND ($source IS NULL OR EXISTS { (e)-[:EVIDENCE]->(:Source {id: $source}) })
RETURN e.id AS id, e.kind AS kind, e.title AS title, e.start_date AS start_date, e.end_date AS end_date,
       e.date_precision AS date_precision,
       [(e)-[:IN_PLACE]->(p:Place) | coalesce(p.iso_code, p.id)] AS places,
       [(e)-[r:PARTICIPANT]->(a:Actor) | a.name + ' (' + r.role + ')'] AS participants,
       [(e)-[:PART_OF]->(t:Event) | t.id] AS trip,
       [(e)-[r:FOLLOWS|RESPONSE_TO]->(t:Event) | toLower(type(r)) + ' ' + t.id] AS links,
       [(e)-[:PRODUCED]->(g:Agreement) | g.id] AS agreements,
       e.summary AS summary, e.content AS content,
       COLLECT { MATCH (e)-[:EVIDENCE]->(s:Source) RETURN DISTINCT coalesce(s.url, s.id) } AS sources
ORDER BY start_date, id
