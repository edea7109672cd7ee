// Everything an agreement links to, for a batch of agreements.
UNWIND $ids AS id
MATCH (g:Agreement {id: id})
RETURN id,
  [(g)-[r:PARTY]->(a:Actor) | {side: r.side, actor: properties(a)}] AS parties,
  [(e:Event)-[:PRODUCED]->(g) | properties(e)] AS produced_by,
  [(g)-[r:EVIDENCE]->(s:Source) | {quote: r.quote, start: r.start, end: r.end, source: properties(s)}] AS evidence
