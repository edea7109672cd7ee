// The relationships among a neighbourhood's nodes ($keys: element ids), at most $limit.
UNWIND $keys AS key
MATCH (a) WHERE elementId(a) = key
MATCH (a)-[r:PARTICIPANT|IN_PLACE|PART_OF|FOLLOWS|RESPONSE_TO|ABOUT|PRODUCED|PARTY|HOLDS]->(b)
WHERE elementId(b) IN $keys
WITH a, r, b
ORDER BY a.id, type(r), b.id
LIMIT $limit
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
