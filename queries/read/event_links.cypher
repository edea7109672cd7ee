// What a batch of events links to (links to other events both ways: graph/model/links.py), for the links in
// $links only (one round trip per batch, whatever its size): the names of Event's link fields the client
// selected (api/schema/selection.py), so a page that shows participants and places reads no trips, legs,
// agreements or evidence. A link not asked for is null; its pattern sits in a CASE branch Neo4j does not
// evaluate. Events' moments come as ISO text (read/events_page_sorted says why).
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN id,
  CASE WHEN 'participants' IN $links THEN
    [(e)-[r:PARTICIPANT]->(a:Actor) | {role: r.role, actor: properties(a)}] END AS participants,
  CASE WHEN 'places' IN $links THEN [(e)-[:IN_PLACE]->(p:Place) | properties(p)] END AS places,
  CASE WHEN 'trip' IN $links THEN [(e)-[:PART_OF]->(t:Event) | t {
    .*, first_reported: toString(t.first_reported), last_changed: toString(t.last_changed)}] END AS trip,
  CASE WHEN 'legs' IN $links THEN [(e)<-[:PART_OF]-(l:Event) | l {
    .*, first_reported: toString(l.first_reported), last_changed: toString(l.last_changed)}] END AS legs,
  CASE WHEN 'links' IN $links THEN
    [(e)-[r:PART_OF|FOLLOWS|RESPONSE_TO]->(o:Event) |
      {type: type(r), outgoing: true, sources: r.sources, event: properties(o)}] +
    [(e)<-[r:PART_OF|FOLLOWS|RESPONSE_TO]-(o:Event) |
      {type: type(r), outgoing: false, sources: r.sources, event: properties(o)}] END AS links,
  CASE WHEN 'about' IN $links THEN [(e)-[:ABOUT]->(x:Actor) | properties(x)] END AS about,
  CASE WHEN 'agreements' IN $links THEN [(e)-[:PRODUCED]->(g:Agreement) | properties(g)] END AS agreements,
  CASE WHEN 'evidence' IN $links THEN
    [(e)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, start: r.start, end: r.end, source: properties(s)}]
  END AS evidence
