// The flagship: which regions of $country did the actors in $side engage, through which events, and
// which agreements did they sign with those regions. An event counts when one of $side took part in it or
// in the trip it is a leg of, and it took place in a region of $country or a city in one (IN_PLACE), had
// such a place among its participants (PARTICIPANT) or was about one (ABOUT); `links` says which, per
// event, and only the relationship types in $links count. Agreements count when $with_agreements.
// $subject_kinds (or null: any) keeps the regions of those federal subject kinds.
// Both branches start from the members of $side (an index seek each): starting from the regions would
// visit every event held anywhere in the country.
// Per region, its events come as a page in date order: key [false, start date, id] (a keyset cursor,
// as in events_page_sorted), after $after_key, at most $limit of them ($limit null: every one, for exports and
// asOf); `event_count`, `event_links` (every link type of its events) and `events_about` (its events about
// it) count them all, whatever the page. The page's dates and moments come as ISO text, as in the page
// queries (the driver's hydration of a DateTime costs about 60 µs).
CALL () {
  UNWIND $side AS member
  MATCH (:Actor {id: member})<-[:PARTICIPANT]-(:Event)<-[:PART_OF*0..3]-(e:Event)
  WHERE ($from IS NULL OR e.end_date >= $from)
    AND ($to IS NULL OR e.start_date <= $to)
  WITH DISTINCT e
  MATCH (e)-[link:IN_PLACE|PARTICIPANT|ABOUT]->(:Place)-[:IN*0..1]->(region:Region)-[:IN]->(:Country {id: $country})
  WHERE type(link) IN $links
    AND ($subject_kinds IS NULL OR region.subject_kind IN $subject_kinds)
  WITH region, e, collect(DISTINCT type(link)) AS links
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
