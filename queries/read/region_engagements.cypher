// The flagship for a state, between two dates, read from the ENGAGED links the writers keep
// (queries/engaged_refresh.cypher) instead of walking every event of its actors
// (queries/read/region_engagements_walk.cypher, for everything else): the same answer (one record, a map per
// region), from index seeks per region and year of the window.
// $side_country is the state (graph/read/engagements.py `political_side`); $side its actors, for the
// agreements, walked as there.
// An event overlaps the window when it starts by $to and ends from $from. It has a link for each year of its
// span: in the window's first year every link that overlaps counts (whenever its event began), in each later
// year only those of events that began that year (the others were counted in an earlier one), so each event
// counts once without a DISTINCT. A region's counts are aggregated from the links alone; its page is a second
// seek, ordered and cut ([false, start date, id] after $after_key, at most $limit), so only the page's events
// are read.
CALL () {
  MATCH (region:Region)-[:IN]->(:Country {id: $country})
  WHERE $subject_kinds IS NULL OR region.subject_kind IN $subject_kinds
  CALL (region) {
    UNWIND range($from.year, $to.year) AS year
    MATCH (:Event)-[r:ENGAGED]->(region)
    USING INDEX r:ENGAGED(side, region, year, start_date)
    WHERE r.side = $side_country AND r.region = region.id AND r.year = year
      AND r.start_date >= CASE WHEN year = $from.year THEN date('-999999999-01-01') ELSE date({year: year}) END
      AND r.start_date <= $to AND r.end_date >= $from
    WITH r.via AS via  // read once, not once per link asked
    WITH [link IN $links WHERE link IN via] AS links
    WHERE size(links) > 0
    RETURN count(*) AS event_count, sum(CASE WHEN 'ABOUT' IN links THEN 1 ELSE 0 END) AS events_about,
           collect(DISTINCT links) AS link_sets
  }
  WITH region, event_count, events_about, link_sets
  WHERE event_count > 0
  CALL (region) {
    UNWIND range($from.year, $to.year) AS year
    MATCH (e:Event)-[r:ENGAGED]->(region)
    USING INDEX r:ENGAGED(side, region, year, start_date)
    WHERE r.side = $side_country AND r.region = region.id AND r.year = year
      AND r.start_date >= CASE WHEN year = $from.year THEN date('-999999999-01-01') ELSE date({year: year}) END
      AND r.start_date <= $to AND r.end_date >= $from
    WITH e, r.start_date AS start, r.via AS via
    WITH e, [false, start, e.id] AS key, [link IN $links WHERE link IN via] AS links
    WHERE size(links) > 0 AND ($after_key IS NULL OR key > $after_key)
    WITH e, key, links ORDER BY key[1], key[2] LIMIT coalesce($limit, 2147483647)
    RETURN collect({
      key: [key[0], toString(key[1]), key[2]],
      node: e {.*, start_date: toString(e.start_date), end_date: toString(e.end_date),
        first_reported: toString(e.first_reported), last_changed: toString(e.last_changed)},
      link_types: links}) AS events
  }
  RETURN region, event_count, events_about, [link IN $links WHERE any(each IN link_sets WHERE link IN each)]
         AS event_links, events, [] AS agreements
  UNION ALL
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
  WITH region, collect(DISTINCT g) AS agreements
  RETURN region, 0 AS event_count, 0 AS events_about, [] AS event_links, [] AS events, agreements
}
WITH region, sum(event_count) AS event_count, sum(events_about) AS events_about,
     reduce(all = [], each IN collect(event_links) | all + each) AS event_links,
     reduce(all = [], each IN collect(events) | all + each) AS events,
     reduce(all = [], each IN collect(agreements) | all + each) AS agreements
// as region_engagements_walk.cypher returns it: one record, dates as ISO text, the region's point as a map
RETURN collect({
  region: region {.*, location: CASE WHEN region.location IS NOT NULL
                                  THEN {lon: region.location.x, lat: region.location.y} END},
  event_count: event_count,
  event_links: event_links,
  events_about: events_about,
  events: events,
  agreements: [g IN agreements | g {.id, .value_amount, .value_currency, .value_usd, .usd_rate,
                                    usd_rate_date: toString(g.usd_rate_date)}]
}) AS rows
