// The change feed's poll: up to $limit :Load records after the last one seen (at, id), oldest first.
MATCH (l:Load)
WHERE $after_at IS NULL OR l.at > $after_at OR (l.at = $after_at AND l.id > $after_id)
WITH l ORDER BY l.at, l.id LIMIT $limit
RETURN properties(l) AS node
