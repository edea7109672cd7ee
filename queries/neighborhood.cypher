// One hop of a neighbourhood: the actors, agreements and events next to $frontier not yet $seen,
// events kept only when they match $kinds and overlap [$from, $to]. At most $room nodes, in id order.
UNWIND $frontier AS key
MATCH (a) WHERE elementId(a) = key
MATCH (a)-[:PARTICIPANT|IN_PLACE|PART_OF|FOLLOWS|RESPONSE_TO|ABOUT|PRODUCED|PARTY|HOLDS]-(b)
WHERE (b:Actor OR b:Agreement OR b:Event)
  AND NOT elementId(b) IN $seen
  AND (NOT b:Event OR (
        ($kinds IS NULL OR b.kind IN $kinds)
    AND ($from IS NULL OR b.end_date >= $from)
    AND ($to IS NULL OR b.start_date <= $to)))
WITH DISTINCT b
ORDER BY b.id
LIMIT $room
RETURN elementId(b) AS key, labels(b) AS labels, properties(b) AS properties,
       [(b)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, source: s.id, title: s.title, url: s.url,
                                        publisher: s.publisher}] AS evidence
