// `kg review`: the candidate pairs nobody has decided yet, best first.
MATCH (n:Candidate)
WHERE n.decision IS NULL AND ($kind IS NULL OR n.kind = $kind)
RETURN n.id AS id, n.kind AS kind, n.left AS left, n.right AS right, n.score AS score,
       n.evidence AS evidence, n.found_at AS found_at,
       coalesce([(a:Actor {id: n.left}) | a.name][0], [(e:Event {id: n.left}) | e.title][0],
                [(g:Agreement {id: n.left}) | g.title][0]) AS left_name,
       coalesce([(a:Actor {id: n.right}) | a.name][0], [(e:Event {id: n.right}) | e.title][0],
                [(g:Agreement {id: n.right}) | g.title][0]) AS right_name
ORDER BY n.score DESC, n.id
