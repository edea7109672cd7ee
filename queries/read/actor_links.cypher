// Everything an actor links to, for a batch of actors.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN id,
  [(a)-[:IN]->(p:Place) | properties(p)] AS parent,
  [(a)-[:BELONGS_TO]->(c:Actor) | properties(c)] + [(a)-[:IN*1..3]->(c:Country) | properties(c)] AS country,
  [(o:Office)-[:HELD_BY|OF]->(a) | o {
     .*,
     person: [(o)-[:HELD_BY]->(x:Actor) | properties(x)][0],
     of: [(o)-[:OF]->(y:Actor) | properties(y)][0],
     evidence: [(o)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, start: r.start, end: r.end, source: properties(s)}]
  }] AS offices,
  [(g:Agreement)-[:PARTY]->(a) | properties(g)] AS agreements
