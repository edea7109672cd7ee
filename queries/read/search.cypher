// Ranked full-text search over names, aliases, titles, summaries, claims and evidence quotes.
// $lucene is a Lucene query built from escaped user terms; a quote hit stands for the fact it supports.
CALL () {
  CALL db.index.fulltext.queryNodes('names_and_titles', $lucene, {limit: $limit * 4}) YIELD node, score
  RETURN node, score, coalesce(node.name, node.title, node.text, node.content) AS matched
  UNION ALL
  // A quote is evidence of an event, agreement, claim or office: not asked for when $kinds has none of them.
  WITH 1 AS asked WHERE $kinds IS NULL OR any(kind IN $kinds WHERE NOT kind IN ['Actor', 'Source'])
  CALL db.index.fulltext.queryRelationships('evidence_quotes', $lucene, {limit: $limit * 4})
    YIELD relationship, score
  RETURN startNode(relationship) AS node, score, relationship.quote AS matched
}
WITH node, score, matched,
     [label IN labels(node) WHERE label IN ['Actor', 'Event', 'Agreement', 'Claim', 'Source', 'Office']][0] AS kind
WHERE kind IS NOT NULL AND ($kinds IS NULL OR kind IN $kinds)
WITH node, kind, max(score) AS score, collect(matched)[0] AS matched
RETURN node.id AS id, kind, coalesce(node.name, node.title, node.text, node.id) AS label, score, matched
ORDER BY score DESC, id
LIMIT $limit
