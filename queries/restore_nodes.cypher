// Restore, step 2: create nodes with their labels and properties; return each one's new element id for the
// backup's key, so relationships can find their endpoints.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.key AS key, elementId(n) AS id
