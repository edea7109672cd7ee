// Event statistics: the events the filters of read/events_page select (the same WHERE), counted per
// bucket of the keys the client groups by. Every key is always a column; a key not asked for is null
// ($by_kind false, $period null, or its OPTIONAL CALL returning no row), so one fixed query serves every
// combination and nothing of the query is built from the request. A multi-valued key (an event in two
// countries, with three participants) puts the event in each of its buckets, and an event without one
// (no place) in the bucket whose key is null. Each key's CALL returns DISTINCT values, so an event is one
// row per bucket and `count(e)` counts each fact once, however many reports it has.
// Legs: an event that is part of an event of its own kind (a trip's visit to one place) is counted with
// its trip, not again, unless $legs. Periods: the one the event starts in, `date.truncate($period, ...)`.
// Contract value: the agreements the bucket's events produced, each once ($with_value: only when asked).
MATCH (e:Event)
WHERE ($kinds IS NULL OR e.kind IN $kinds)
  AND ($from IS NULL OR e.end_date >= $from)
  AND ($to IS NULL OR e.start_date <= $to)
  AND ($side IS NULL OR EXISTS {
    (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(who:Actor) WHERE who.id IN $side })
  AND ($place IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Place {id: $place}) })
  AND ($country IS NULL OR EXISTS { (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(:Country {id: $country}) })
  AND ($source IS NULL OR EXISTS { (e)-[:EVIDENCE]->(:Source {id: $source}) })
  AND ($legs OR NOT EXISTS { (e)-[:PART_OF]->(trip:Event) WHERE trip.kind = e.kind })
OPTIONAL CALL (e) {
  WITH e WHERE $by_country
  MATCH (e)-[:IN_PLACE]->(:Place)-[:IN*0..3]->(c:Country)
  RETURN DISTINCT c AS country
}
OPTIONAL CALL (e) {
  WITH e WHERE $by_region
  MATCH (e)-[:IN_PLACE]->(:Place)-[:IN*0..2]->(r:Region)
  RETURN DISTINCT r AS region
}
OPTIONAL CALL (e) {
  WITH e WHERE $by_actor
  MATCH (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(a:Actor)
  RETURN DISTINCT a AS actor
}
OPTIONAL CALL (e) {
  WITH e WHERE $by_source
  MATCH (e)-[:EVIDENCE]->(s:Source)
  RETURN DISTINCT s AS source
}
WITH e, country, region, actor, source,
     CASE WHEN $by_kind THEN e.kind END AS kind,
     CASE WHEN $period IS NOT NULL THEN date.truncate($period, e.start_date) END AS period
OPTIONAL CALL (e) {
  WITH e WHERE $with_value
  MATCH (e)-[:PRODUCED]->(g:Agreement)
  RETURN DISTINCT g
}
WITH kind, period, country, region, actor, source, count(DISTINCT e) AS count, collect(DISTINCT g) AS agreements
RETURN kind, period,
       properties(country) AS country, properties(region) AS region, properties(actor) AS actor,
       properties(source) AS source, count,
       size(agreements) AS agreement_count,
       [g IN agreements WHERE g.value_usd IS NOT NULL | g.value_usd] AS values_usd
