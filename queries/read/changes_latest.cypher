// The newest :Load record: where a change feed starts, so it pushes only what comes after.
MATCH (l:Load)
WITH l, coalesce(l.id, elementId(l)) AS l_id
WITH l, l_id ORDER BY l.at DESC, l_id DESC LIMIT 1
RETURN l.at AS at, l_id AS id
