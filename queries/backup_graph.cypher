// Backup: every node, then every relationship, with labels, type and all properties, in ONE query (one
// transaction). Relationships come after all nodes, so each endpoint has been seen when a relationship is.
MATCH (n)
RETURN 'node' AS kind, elementId(n) AS key, labels(n) AS labels, properties(n) AS props,
       null AS start, null AS end
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'relationship' AS kind, elementId(r) AS key, [type(r)] AS labels, properties(r) AS props,
       elementId(a) AS start, elementId(b) AS end
