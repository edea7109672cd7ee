// An actor's events (one page per group: Actor.events of several actors), in date order (ascending:
// read/events_page_actor_desc is the other way), when nothing but the group's actor, kinds and dates narrows
// them: read/events_page_sorted's page for that case, the same rows, without what the case never
// uses. The candidates are those of its start: the events g.start_side took part in (itself or through the
// trip an event is a leg of) and those about g.start_about, which are exactly the events the group's actor
// condition keeps, so it is not tested again on each; no full-text search, no place, no other start. At
// 10,000 events, an actor's 20 latest: 819 database hits against 1,197, 1.26 against 1.60 ms in Neo4j.
// `$props`: the event properties to return, or null for all (org:org-92's 20 latest, kind, title and
// start_date only: 545 database hits against 818). `$after_key`, `$limit`, `g.owner` and `$links` as in
// read/events_page_sorted.
UNWIND $groups AS g
CALL (g) {
  CALL (g) {
    MATCH (a:Actor) USING INDEX SEEK a:Actor(id) WHERE a.id IN g.start_side
    MATCH (a)<-[:PARTICIPANT]-(:Event)<-[:PART_OF*0..3]-(e:Event)
    RETURN e
    UNION
    MATCH (a:Actor) USING INDEX SEEK a:Actor(id) WHERE a.id IN g.start_about
    MATCH (a)<-[:ABOUT]-(e:Event)
    RETURN e
  }
  WITH e WHERE
      // <filter> the part of the events filter an actor's own page takes (a test checks it is the same text)
      ($kinds IS NULL OR e.kind IN $kinds)
      AND ($from IS NULL OR e.end_date >= $from)
      AND ($to IS NULL OR e.start_date <= $to)
      // </filter>
  WITH e, [false, e.start_date, e.id] AS key
  ORDER BY key
  WITH collect({key: key, node: e}) AS matched
  RETURN size(matched) AS total,
         [m IN matched WHERE $after_key IS NULL OR m.key > $after_key][..$limit] AS chosen
}
OPTIONAL CALL (g) {
  MATCH (o:Actor) USING INDEX SEEK o:Actor(id) WHERE o.id = g.owner
  RETURN properties(o) AS owner
}
RETURN g.key AS group, total, [m IN chosen | [e IN [m.node] | {
  key: CASE $order WHEN 'date' THEN [m.key[0], toString(m.key[1]), m.key[2]] ELSE m.key END,
  // every property without `$props`; with it, the values of those properties only, in its order (a map's
  // keys cannot be parameters): the fields the client selected, not the long texts it did not
  node: CASE WHEN $props IS NULL THEN e {
    .*, start_date: toString(e.start_date), end_date: toString(e.end_date),
      first_reported: toString(e.first_reported), last_changed: toString(e.last_changed)}
    ELSE [k IN $props | CASE WHEN k IN ['start_date', 'end_date', 'first_reported', 'last_changed']
      THEN toString(e[k]) ELSE e[k] END] END,
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
