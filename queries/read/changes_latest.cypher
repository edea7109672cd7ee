// The newest :Load record: where a change feed starts, so it pushes only what comes after.
MATCH (l:Load)
WITH l ORDER BY l.at DESC, l.id DESC LIMIT 1
RETURN l.at AS at, l.id AS id
