// Pages of events in date order (descending: read/events_page is the other way; a page backwards is the other
// file's page forwards, reversed) after a keyset cursor, one page per group, when no actor, place or text
// narrows them (else read/events_page_sorted). A group is one page, so a request's pages take one round trip.
// The page walks the start_date index from the cursor ($after_date, $after_id), so only the events up to the
// page's end are read (hinted USING INDEX SEEK: with a plain USING INDEX the planner sometimes scanned the index from its start instead,
// once the graph's statistics changed); the total is counted only when asked for ($with_total: the UNWIND keeps the planner
// from scanning the events whatever it is), which is why the filter appears twice. The key of an event is
// [false, start date, id], as in events_page_sorted. The dates (the key's too) and the moments
// first_reported and last_changed come as ISO text, as in events_page_sorted.
// The filter is events_page_sorted's without the conditions on actors, places and text: those are given
// to events_page_sorted, which starts from them (graph.read.lists.event_page_query).
// The count of every event, from Neo4j's count store (no event read): the total when no filter narrows the
// list ($unfiltered), which is the common case (a first page of everything) and a scan of every event otherwise.
CALL () {
  MATCH (every:Event)
  RETURN count(every) AS every_event
}
UNWIND $groups AS g
CALL (g) {
  UNWIND CASE WHEN $with_total AND NOT $unfiltered THEN [g] ELSE [] END AS counted  // no scan unless asked
  MATCH (e:Event)
  WHERE
      // <filter> the events filter but the actor, place and text conditions
      ($kinds IS NULL OR e.kind IN $kinds)
      AND ($from IS NULL OR e.end_date >= $from)
      AND ($to IS NULL OR e.start_date <= $to)
      AND all(ids IN $country_conditions WHERE
        EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(q:Country) WHERE q.id IN ids })
      AND all(ids IN $source_conditions WHERE EXISTS { (e)-[:EVIDENCE]->(s:Source) WHERE s.id IN ids })
      AND ($value_min IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN e.value_usd
        WHEN e.value_currency = $currency THEN toFloat(e.value_amount) END >= $value_min, false))
      AND ($value_max IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN e.value_usd
        WHEN e.value_currency = $currency THEN toFloat(e.value_amount) END <= $value_max, false))
      // </filter>
  RETURN count(e) AS total
}
CALL (g) {
  MATCH (e:Event) USING INDEX SEEK e:Event(start_date)
  WHERE e.start_date <= $after_date
    AND NOT (e.start_date = $after_date AND e.id >= $after_id)
    AND
      // <filter> the events filter but the actor, place and text conditions
      ($kinds IS NULL OR e.kind IN $kinds)
      AND ($from IS NULL OR e.end_date >= $from)
      AND ($to IS NULL OR e.start_date <= $to)
      AND all(ids IN $country_conditions WHERE
        EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(q:Country) WHERE q.id IN ids })
      AND all(ids IN $source_conditions WHERE EXISTS { (e)-[:EVIDENCE]->(s:Source) WHERE s.id IN ids })
      AND ($value_min IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN e.value_usd
        WHEN e.value_currency = $currency THEN toFloat(e.value_amount) END >= $value_min, false))
      AND ($value_max IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN e.value_usd
        WHEN e.value_currency = $currency THEN toFloat(e.value_amount) END <= $value_max, false))
      // </filter>
  WITH e ORDER BY e.start_date DESC, e.id DESC LIMIT $limit
  RETURN collect({key: [false, toString(e.start_date), e.id], node: e {
    .*, start_date: toString(e.start_date), end_date: toString(e.end_date),
    first_reported: toString(e.first_reported), last_changed: toString(e.last_changed)},
  links: CASE WHEN size($links) > 0 THEN {
    // <links> an event's links, as read/event_links reads them (the same text in every page query), but the
    // location of a participant or place only when asked ('locations': the driver makes each a Point)
    participants: CASE WHEN 'participants' IN $links THEN
      [(e)-[r:PARTICIPANT]->(a:Actor) | {role: r.role, actor: a {.*, location: CASE WHEN 'locations' IN $links THEN a.location END}}] END,
    places: CASE WHEN 'places' IN $links THEN [(e)-[:IN_PLACE]->(p:Place) | p {.*, location: CASE WHEN 'locations' IN $links THEN p.location END}] END,
    trip: CASE WHEN 'trip' IN $links THEN [(e)-[:PART_OF]->(t:Event) | t {
      .*, first_reported: toString(t.first_reported), last_changed: toString(t.last_changed)}] END,
    legs: CASE WHEN 'legs' IN $links THEN [(e)<-[:PART_OF]-(l:Event) | l {
      .*, first_reported: toString(l.first_reported), last_changed: toString(l.last_changed)}] END,
    links: CASE WHEN 'links' IN $links THEN
      [(e)-[r:PART_OF|FOLLOWS|RESPONSE_TO]->(o:Event) |
        {type: type(r), outgoing: true, sources: r.sources, event: properties(o)}] +
      [(e)<-[r:PART_OF|FOLLOWS|RESPONSE_TO]-(o:Event) |
        {type: type(r), outgoing: false, sources: r.sources, event: properties(o)}] END,
    about: CASE WHEN 'about' IN $links THEN [(e)-[:ABOUT]->(x:Actor) | properties(x)] END,
    agreements: CASE WHEN 'agreements' IN $links THEN [(e)-[:PRODUCED]->(made:Agreement) | properties(made)] END,
    evidence: CASE WHEN 'evidence' IN $links THEN
      [(e)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, start: r.start, end: r.end, source: properties(s)}] END
    // </links>
  } END}) AS page
}
// The actor a group names as its owner (g.owner: `actor(id) { events }` reads the actor with its page, in one
// round trip); none when it names none.
OPTIONAL CALL (g) {
  MATCH (o:Actor) USING INDEX SEEK o:Actor(id) WHERE o.id = g.owner
  RETURN properties(o) AS owner
}
RETURN g.key AS group, CASE WHEN $with_total AND $unfiltered THEN every_event ELSE total END AS total,
       page, owner
