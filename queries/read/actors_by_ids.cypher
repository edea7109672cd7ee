UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN properties(a) AS node
