// Sources by id (those that exist).
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN properties(s) AS node
