// Pages of events in $order (ascending: read/events_page_sorted_desc is the other way; a page
// backwards is the other file's page forwards, reversed), one page per group, when an actor, a place or text
// narrows them or the order is not the date's. The candidates are read from those nodes rather than from the
// start_date index: g.start_side (the actors whose participation counts, through a leg's trip too),
// g.start_about (actors the events are about) and g.start_places (places the events took place in or are
// about, with the places within them); g.start_text the events the text filter found in the full-text
// indexes; g.start_all every event (title, value or sources order with nothing else to start from: no index
// to walk); the seeks are hinted (USING INDEX SEEK: a plain USING INDEX
// let the planner scan the whole index when the graph's statistics changed).
// The candidates are filtered, sorted by the key of
// $order ([flag, value, id]: the flag puts events without a value last in the direction asked,
// $descending, whichever way the page walks) and sliced after $after_key.
// An event matches when it has every condition: each actor condition {side, about} (it took part, itself or
// through the trip it is a leg of, as one of `side`, or it is about one of `about`); each place condition
// (ids: it took place in or is about one of them or a place within one); each country condition (it took
// place in one); each source condition (one reports it); the value bounds; the text ($lucene). A list of
// conditions that must all hold stands for `all`, one condition listing several ids for `any`.
// The moments first_reported and last_changed come as ISO text: the driver's hydration of a DateTime costs
// about 60 µs, two per event (0.1 ms per event of a page), datetime.fromisoformat a microsecond; the
// dates come as ISO text too (the key's date in date order: its cursor is text anyway), read back by
// graph.read.lists.event_pages (a Date's hydration costs about 5 µs, three per event). With each
// chosen event come the links named in $links (the link fields the client selected): one round trip.
// The events whose title, summary, content or a quote has every word of $lucene (none asked: no hits).
CALL () {
  WITH 1 AS asked WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('names_and_titles', $lucene) YIELD node
  WITH node WHERE node:Event
  RETURN node.id AS hit
  UNION
  WITH 1 AS asked WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryRelationships('evidence_quotes', $lucene) YIELD relationship
  WITH startNode(relationship) AS node WHERE node:Event
  RETURN node.id AS hit
}
WITH collect(hit) AS text_hits
UNWIND $groups AS g
CALL (g, text_hits) {
  CALL (g, text_hits) {
    MATCH (a:Actor) USING INDEX SEEK a:Actor(id) WHERE a.id IN g.start_side
    MATCH (a)<-[:PARTICIPANT]-(:Event)<-[:PART_OF*0..3]-(e:Event)
    RETURN e
    UNION
    MATCH (a:Actor) USING INDEX SEEK a:Actor(id) WHERE a.id IN g.start_about
    MATCH (a)<-[:ABOUT]-(e:Event)
    RETURN e
    UNION
    MATCH (p:Actor) USING INDEX SEEK p:Actor(id) WHERE p.id IN g.start_places
    MATCH (p)<-[:IN*0..3]-(:Place)<-[:IN_PLACE|ABOUT]-(e:Event)
    RETURN e
    UNION
    WITH g WHERE g.start_text
    UNWIND text_hits AS hit
    MATCH (e:Event {id: hit})
    RETURN e
    UNION
    UNWIND CASE WHEN g.start_all THEN [true] ELSE [] END AS every_event  // no scan unless asked
    MATCH (e:Event)
    RETURN e
  }
  WITH g, text_hits, e WHERE
      // <filter> the events filter: the same text in both events_page_sorted*.cypher (a test checks it)
      ($kinds IS NULL OR e.kind IN $kinds)
      AND ($from IS NULL OR e.end_date >= $from)
      AND ($to IS NULL OR e.start_date <= $to)
      AND all(w IN g.actors + $actor_conditions WHERE
        EXISTS { (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(a:Actor) WHERE a.id IN w.side }
        OR EXISTS { (e)-[:ABOUT]->(x:Actor) WHERE x.id IN w.about })
      AND all(ids IN $place_conditions WHERE
        EXISTS { (e)-[:IN_PLACE|ABOUT]->(:Place)-[:IN*0..3]->(q:Place) WHERE q.id IN ids })
      AND all(ids IN $country_conditions WHERE
        EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(q:Country) WHERE q.id IN ids })
      AND all(ids IN $source_conditions WHERE EXISTS { (e)-[:EVIDENCE]->(s:Source) WHERE s.id IN ids })
      AND ($value_min IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN e.value_usd
        WHEN e.value_currency = $currency THEN toFloat(e.value_amount) END >= $value_min, false))
      AND ($value_max IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN e.value_usd
        WHEN e.value_currency = $currency THEN toFloat(e.value_amount) END <= $value_max, false))
      AND ($lucene IS NULL OR e.id IN text_hits)
      // </filter>
  WITH e, [CASE $order WHEN 'value' THEN (e.value_usd IS NULL) <> $descending ELSE false END,
     CASE $order WHEN 'date' THEN e.start_date WHEN 'title' THEN toLower(e.title)
       WHEN 'value' THEN coalesce(e.value_usd, 0.0) WHEN 'sources' THEN coalesce(e.source_count, 0) END,
     e.id] AS key
  ORDER BY key
  WITH collect({key: key, node: e}) AS matched
  RETURN size(matched) AS total,
         [m IN matched WHERE $after_key IS NULL OR m.key > $after_key][..$limit] AS chosen
}
// The actor a group names as its owner (g.owner: `actor(id) { events }` reads the actor with its page, in one
// round trip); none when it names none.
OPTIONAL CALL (g) {
  MATCH (o:Actor) USING INDEX SEEK o:Actor(id) WHERE o.id = g.owner
  RETURN properties(o) AS owner
}
RETURN g.key AS group, total, [m IN chosen | [e IN [m.node] | {
  key: CASE $order WHEN 'date' THEN [m.key[0], toString(m.key[1]), m.key[2]] ELSE m.key END, node: e {
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
  } END}][0]] AS page, owner
