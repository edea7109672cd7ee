// Pages of events in (start date, id) order after a keyset cursor, one page per group. A group is one
// actor's side (or null for no actor filter), so nested `events` of many actors take one round trip.
// The page walks the start_date index from the cursor on ($after_date, $after_id), so only the events up
// to the page's end are read (PartialTop); the total is counted only when asked for ($with_total), which
// is why the filter appears twice.
UNWIND $groups AS g
CALL (g) {
  WITH g WHERE $with_total
  MATCH (e:Event)
  WHERE ($kinds IS NULL OR e.kind IN $kinds)
    AND ($from IS NULL OR e.end_date >= $from)
    AND ($to IS NULL OR e.start_date <= $to)
    AND (g.side IS NULL OR EXISTS {
      (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(a:Actor) WHERE a.id IN g.side })
    AND ($place IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Place {id: $place}) })
    AND ($country IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Country {id: $country}) })
    AND ($source IS NULL OR EXISTS { (e)-[:EVIDENCE]->(:Source {id: $source}) })
  RETURN count(e) AS total
}
CALL (g) {
  MATCH (e:Event)
  WHERE e.start_date >= $after_date
    AND NOT (e.start_date = $after_date AND e.id <= $after_id)
    AND ($kinds IS NULL OR e.kind IN $kinds)
    AND ($from IS NULL OR e.end_date >= $from)
    AND ($to IS NULL OR e.start_date <= $to)
    AND (g.side IS NULL OR EXISTS {
      (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(a:Actor) WHERE a.id IN g.side })
    AND ($place IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Place {id: $place}) })
    AND ($country IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Country {id: $country}) })
    AND ($source IS NULL OR EXISTS { (e)-[:EVIDENCE]->(:Source {id: $source}) })
  WITH e ORDER BY e.start_date, e.id LIMIT $limit
  RETURN collect({key: toString(e.start_date) + '|' + e.id, node: properties(e)}) AS page
}
RETURN g.key AS group, total, page
