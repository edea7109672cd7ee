// kg unload: whether the source node is still there.
MATCH (s:Source {id: $source}) RETURN s.id AS id
