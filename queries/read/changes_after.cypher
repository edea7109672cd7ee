// The change feed's poll: up to $limit :Load records after the last one seen (at, id), oldest first.
MATCH (l:Load)
WITH l, coalesce(l.id, elementId(l)) AS l_id
WHERE $after_at IS NULL OR l.at > $after_at OR (l.at = $after_at AND l_id > $after_id)
WITH l, l_id ORDER BY l.at, l_id LIMIT $limit
RETURN l {.*, id: l_id} AS node
