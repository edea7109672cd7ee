// Mutations: where each quote sits in its source, when the loader located it there (the graph keeps no
// source text, so a quote given through the API is placed only if the same words were loaded before).
UNWIND $quotes AS q
CALL (q) {
  MATCH (:Source {id: q.source})<-[r:EVIDENCE {quote: q.quote}]-()
  WHERE r.start IS NOT NULL
  RETURN r.start AS start, r.end AS end
  ORDER BY start
  LIMIT 1
}
RETURN q.source AS source, q.quote AS quote, start, end
