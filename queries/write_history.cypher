// Who changed a node and when, oldest first: the :Change records of its id (mutations, and the loads of a file
// by its name), then the loads (:Change:Load, one per file written) that created or updated it, through the
// id lists of their blocks (:LoadIds).
CALL () {
  MATCH (c:Change {target: $target})
  RETURN c.op AS op, c.label AS label, c.by AS by, c.at AS at, c.file AS file, elementId(c) AS element
  UNION ALL
  MATCH (c:Load)-[:LISTS]->(ids:LoadIds)
  WHERE $target IN ids.created OR $target IN ids.updated
  RETURN CASE WHEN $target IN ids.created THEN 'create' ELSE 'update' END AS op, null AS label, c.by AS by,
    c.at AS at, c.file AS file, elementId(c) AS element
}
RETURN op, $target AS target, label, by, at, file
ORDER BY at, element
