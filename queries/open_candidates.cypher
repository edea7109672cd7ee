// `kg review`: the candidate pairs nobody has decided yet, best first. A pair of facts one of which the graph
// no longer holds (its reports unloaded or retracted) is closed: not listed (it is again if a later load brings
// the fact back and the matcher proposes the pair again). Actors are never unloaded: their pairs stay.
MATCH (n:Candidate)
WHERE n.decision IS NULL AND ($kind IS NULL OR n.kind = $kind)
WITH n,
     coalesce(COLLECT { MATCH (a:Actor {id: n.left}) RETURN a.name }[0],
              COLLECT { MATCH (e:Event {id: n.left}) RETURN e.title }[0],
              COLLECT { MATCH (g:Agreement {id: n.left}) RETURN g.title }[0]) AS left_name,
     coalesce(COLLECT { MATCH (a:Actor {id: n.right}) RETURN a.name }[0],
              COLLECT { MATCH (e:Event {id: n.right}) RETURN e.title }[0],
              COLLECT { MATCH (g:Agreement {id: n.right}) RETURN g.title }[0]) AS right_name
WHERE n.kind = 'actor' OR (left_name IS NOT NULL AND right_name IS NOT NULL)
RETURN n.id AS id, n.kind AS kind, n.left AS left, n.right AS right, n.score AS score,
       n.evidence AS evidence, n.found_at AS found_at, left_name, right_name
ORDER BY n.score DESC, n.id
