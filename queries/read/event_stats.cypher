// Event statistics: the events the filters of read/events_page_sorted select (the same WHERE), counted per
// bucket of the keys the client groups by. Every key is always a column; a key not asked for is null
// ($by_kind false, $period null, $by_country false...: its CASE gives null, or an empty list and so one null
// row, and Neo4j evaluates a COLLECT inside a CASE branch only when the branch is taken), so one fixed query
// serves every combination and nothing of the query is built from the request. A multi-valued key (an event
// in two countries, with three participants) puts the event in each of its buckets, and an event without
// one (no place) in the bucket whose key is null. `count(DISTINCT e)`: each fact once, however many reports.
// Legs: an event that is part of an event of its own kind (a trip's visit to one place) is counted with
// its trip, not again, unless $legs. Periods: the one the event starts in, `date.truncate($period, ...)`.
// Contract value: the agreements the bucket's events produced, each once ($with_value: only when asked).
// (OPTIONAL CALL per key was twice as slow: one Apply per key and event, taken or not.)
// The text filter's hits first, as in read/events_page_sorted (none asked: no hits).
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
MATCH (e:Event)
WHERE
  // <filter> the events filter of read/events_page_sorted, the single actor among $actor_conditions
  ($kinds IS NULL OR e.kind IN $kinds)
  AND ($from IS NULL OR e.end_date >= $from)
  AND ($to IS NULL OR e.start_date <= $to)
  AND all(w IN $actor_conditions WHERE
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
  AND ($legs OR NOT EXISTS { (e)-[:PART_OF]->(trip:Event) WHERE trip.kind = e.kind })
WITH e,
     CASE WHEN $by_kind THEN e.kind END AS kind,
     CASE WHEN $period IS NOT NULL AND e.start_date IS NOT NULL THEN date.truncate($period, e.start_date)
     END AS period,
     CASE WHEN $by_country THEN COLLECT { MATCH (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(c:Country)
                               RETURN DISTINCT c } ELSE [] END AS countries,
     CASE WHEN $by_region THEN COLLECT { MATCH (e)-[:IN_PLACE]->(:Place)-[:IN*0..2]->(r:Region)
                               RETURN DISTINCT r } ELSE [] END AS regions,
     CASE WHEN $by_actor THEN COLLECT { MATCH (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(a:Actor)
                               RETURN DISTINCT a } ELSE [] END AS actors,
     CASE WHEN $by_source THEN COLLECT { MATCH (e)-[:EVIDENCE]->(s:Source)
                               RETURN DISTINCT s } ELSE [] END AS sources,
     CASE WHEN $with_value THEN COLLECT { MATCH (e)-[:PRODUCED]->(g:Agreement)
                                 RETURN DISTINCT g } ELSE [] END AS produced
UNWIND CASE WHEN countries = [] THEN [null] ELSE countries END AS country
UNWIND CASE WHEN regions = [] THEN [null] ELSE regions END AS region
UNWIND CASE WHEN actors = [] THEN [null] ELSE actors END AS actor
UNWIND CASE WHEN sources = [] THEN [null] ELSE sources END AS source
UNWIND CASE WHEN produced = [] THEN [null] ELSE produced END AS g
WITH kind, period, country, region, actor, source, count(DISTINCT e) AS count,
     collect(DISTINCT g) AS agreements
RETURN kind, period,
       properties(country) AS country, properties(region) AS region, properties(actor) AS actor,
       properties(source) AS source, count,
       size(agreements) AS agreement_count,
       [g IN agreements WHERE g.value_usd IS NOT NULL | g.value_usd] AS values_usd
