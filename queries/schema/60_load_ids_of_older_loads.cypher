// Data, not schema: a graph written before the id lists moved below the loads (:LoadIds, one per block) keeps
// them on the :Change:Load itself; move them down, so write_history.cypher finds them. Nothing to do the second
// time.
MATCH (c:Load)
WHERE c.created_ids IS NOT NULL OR c.updated_ids IS NOT NULL
CALL (c) {
  CREATE (c)-[:LISTS]->(:LoadIds {created: coalesce(c.created_ids, []), updated: coalesce(c.updated_ids, [])})
  REMOVE c.created_ids, c.updated_ids
} IN TRANSACTIONS OF 1000 ROWS
