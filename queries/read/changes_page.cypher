// The :Load records (loads, unloads, mutations) oldest first, after $since and after a keyset cursor on
// (at, id); counted only when asked for ($with_total).
CALL () {
  WITH 1 AS one WHERE $with_total
  MATCH (l:Load) WHERE $since IS NULL OR l.at > $since
  RETURN count(l) AS total
}
CALL () {
  MATCH (l:Load)
  WHERE ($since IS NULL OR l.at > $since)
    AND ($after_at IS NULL OR l.at > $after_at OR (l.at = $after_at AND l.id > $after_id))
  WITH l ORDER BY l.at, l.id LIMIT $limit
  RETURN collect({key: toString(l.at) + '|' + l.id, node: properties(l)}) AS page
}
RETURN coalesce(total, 0) AS total, page
