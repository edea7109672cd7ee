// Everything an event links to (links to other events both ways: graph/model/links.py), for a batch of events (one round trip per batch, whatever its size).
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN id,
  [(e)-[r:PARTICIPANT]->(a:Actor) | {role: r.role, actor: properties(a)}] AS participants,
  [(e)-[:IN_PLACE]->(p:Place) | properties(p)] AS places,
  [(e)-[:PART_OF]->(t:Event) | properties(t)] AS trip,
  [(e)<-[:PART_OF]-(l:Event) | properties(l)] AS legs,
  [(e)-[r:PART_OF|FOLLOWS|RESPONSE_TO]->(o:Event) |
    {type: type(r), outgoing: true, sources: r.sources, event: properties(o)}] +
  [(e)<-[r:PART_OF|FOLLOWS|RESPONSE_TO]-(o:Event) |
    {type: type(r), outgoing: false, sources: r.sources, event: properties(o)}] AS links,
  [(e)-[:ABOUT]->(x:Actor) | properties(x)] AS about,
  [(e)-[:PRODUCED]->(g:Agreement) | properties(g)] AS agreements,
  [(e)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, start: r.start, end: r.end, source: properties(s)}] AS evidence
