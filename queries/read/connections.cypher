// Shortest paths between two actors through events, agreements and offices (never through dates or
// sources), at most $max_hops relationships long. The literal bound 8 is the ceiling the API allows.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:PARTICIPANT|PARTY|IN_PLACE|PART_OF|FOLLOWS|RESPONSE_TO|PRODUCED|ABOUT|HELD_BY|OF*..8]-(b))
WHERE length(p) <= $max_hops
WITH p LIMIT $max_paths
WITH collect(p) AS paths
WITH [p IN paths | nodes(p)] AS node_lists, [p IN paths | relationships(p)] AS rel_lists
UNWIND node_lists AS ns UNWIND ns AS n
WITH rel_lists, collect(DISTINCT n) AS nodes
UNWIND rel_lists AS rs UNWIND rs AS r
WITH nodes, collect(DISTINCT r) AS rels
RETURN [n IN nodes | {labels: labels(n), properties: properties(n)}] AS nodes,
       [r IN rels | {source: startNode(r).id, type: type(r), target: endNode(r).id,
                     properties: properties(r)}] AS edges
