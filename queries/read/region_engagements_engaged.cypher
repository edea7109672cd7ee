// The flagship (queries/read/region_engagements.cypher) for a state, between two dates, read from the ENGAGED
// links the loader keeps (queries/engaged_refresh.cypher) instead of walking every event of its actors: the
// same answer, from an index seek per region and year of the window. $side_country is the state
// (graph/read/engagements.py `political_side`); $side its actors, for the agreements, walked as there.
// An event overlaps the window when it starts by $to and ends from $from. It has a link for each year of its
// span: in the window's first year every link that overlaps counts (whenever its event began), in each later
// year only those of events that began that year (the others were counted in an earlier one), so each event
// counts once without a DISTINCT. The rest of the query is region_engagements.cypher's, to the letter.
CALL () {
  MATCH (region:Region)-[:IN]->(:Country {id: $country})
  WHERE $subject_kinds IS NULL OR region.subject_kind IN $subject_kinds
  UNWIND range($from.year, $to.year) AS year
  MATCH (e:Event)-[r:ENGAGED]->(region)
  USING INDEX r:ENGAGED(side, region, year, start_date)
  WHERE r.side = $side_country AND r.region = region.id AND r.year = year
    AND r.start_date >= CASE WHEN year = $from.year THEN date('-999999999-01-01') ELSE date({year: year}) END
    AND r.start_date <= $to AND r.end_date >= $from
  WITH region, e, [link IN $links WHERE link IN r.via] AS links
  WHERE size(links) > 0
  RETURN region, e AS event, links, null AS agreement
  UNION
  UNWIND $side AS member
  WITH member WHERE $with_agreements
  MATCH (:Actor {id: member})<-[:PARTY]-(g:Agreement)
  WITH DISTINCT g
  MATCH (g)-[:PARTY]->(:Place)-[:IN*0..1]->(region:Region)-[:IN]->(:Country {id: $country})
  WHERE $subject_kinds IS NULL OR region.subject_kind IN $subject_kinds
  OPTIONAL MATCH (g)<-[:PRODUCED]-(signing:Event)
  WITH region, g, coalesce(g.start_date, min(signing.start_date)) AS starts,
       coalesce(g.end_date, max(signing.end_date)) AS ends
  WHERE ($from IS NULL OR ends IS NULL OR ends >= $from)
    AND ($to IS NULL OR starts IS NULL OR starts <= $to)
  RETURN region, null AS event, [] AS links, g AS agreement
}
WITH region, event, links, agreement ORDER BY event.start_date, event.id  // collect keeps this order
WITH region, collect(DISTINCT agreement) AS agreements,
     collect(CASE WHEN event IS NOT NULL THEN
       {key: [false, event.start_date, event.id], event: event, links: links} END) AS found
WITH region, agreements, found,
     [item IN found WHERE $after_key IS NULL OR item.key > $after_key] AS following
// One row holding a map per region (the Python driver reads and unpacks each record on its own, with a
// timer per socket read: 77 records cost it some 320 reads, one record a handful). Dates as ISO text and the
// region's point as a {lon, lat} map: the driver builds a Date or a Point object for each (about 5 µs
// apiece), the text and map cost nothing to read.
RETURN collect({
  region: region {.*, location: CASE WHEN region.location IS NOT NULL
                                  THEN {lon: region.location.x, lat: region.location.y} END},
  event_count: size(found),
  event_links: [link IN $links WHERE any(item IN found WHERE link IN item.links)],
  events_about: size([item IN found WHERE 'ABOUT' IN item.links]),
  events: [item IN CASE WHEN $limit IS NULL THEN following ELSE following[..$limit] END | [e IN [item.event] | {
    key: [item.key[0], toString(item.key[1]), item.key[2]],
    node: e {.*, start_date: toString(e.start_date), end_date: toString(e.end_date),
      first_reported: toString(e.first_reported), last_changed: toString(e.last_changed)},
    link_types: item.links}][0]],
  // what the contract values need, without the report moments the driver would build DateTimes of
  agreements: [g IN agreements | g {.id, .value_amount, .value_currency, .value_usd, .usd_rate,
                                    usd_rate_date: toString(g.usd_rate_date)}]
}) AS rows
