// The :Load records (loads, unloads, mutations) oldest first, after $since and after a keyset cursor on
// (at, id); counted only when asked for ($with_total). A record without an id (written before loads had
// one) is named by its element id.
CALL () {
  WITH 1 AS one WHERE $with_total
  MATCH (l:Load) WHERE $since IS NULL OR l.at > $since
  RETURN count(l) AS total
}
CALL () {
  MATCH (l:Load)
  WHERE ($since IS NULL OR l.at > $since) AND ($after_at IS NULL OR l.at >= $after_at)
  WITH l, coalesce(l.id, elementId(l)) AS l_id
  WHERE $after_at IS NULL OR l.at > $after_at OR l_id > $after_id
  WITH l, l_id ORDER BY l.at, l_id LIMIT $limit
  RETURN collect({node: l {.*, id: l_id}}) AS page
}
RETURN total, page
