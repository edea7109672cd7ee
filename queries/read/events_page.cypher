// Pages of events in date order (ascending: read/events_page_desc is the other way; a page backwards
// is the other file's page forwards, reversed) after a keyset cursor, one page per group, when no actor or
// place or text narrows them (else read/events_page_sorted). A group (g.actors: its actor conditions, [] for none)
// is one page, so nested `events` of many actors take one round trip. The page walks the start_date index
// from the cursor ($after_date, $after_id), so only the events up to the page's end are read; the total is
// counted only when asked for ($with_total), which is why the filter appears twice. The key of an event is
// [false, start date, id], as in events_page_sorted.
// An event matches when it has every condition: each actor condition {side, about} (it took part, itself or
// through the trip it is a leg of, as one of `side`, or it is about one of `about`); each place condition
// (ids: it took place in or is about one of them or a place within one); each country condition (it took
// place in one); each source condition (one reports it); the value bounds; the text ($lucene). A list of
// conditions that must all hold stands for `all`, one condition listing several ids for `any`.
// No text here ($lucene is null): a text filter starts from the full-text index (events_page_sorted).
WITH [] AS text_hits
UNWIND $groups AS g
CALL (g, text_hits) {
  WITH g, text_hits WHERE $with_total
  MATCH (e:Event)
  WHERE
      // <filter> the events filter: the same text in every events_page*.cypher (a test checks it)
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
  RETURN count(e) AS total
}
CALL (g, text_hits) {
  MATCH (e:Event)
  WHERE e.start_date >= $after_date
    AND NOT (e.start_date = $after_date AND e.id <= $after_id)
    AND
      // <filter> the events filter: the same text in every events_page*.cypher (a test checks it)
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
  WITH e ORDER BY e.start_date, e.id LIMIT $limit
  RETURN collect({key: [false, e.start_date, e.id], node: properties(e)}) AS page
}
RETURN g.key AS group, total, page
