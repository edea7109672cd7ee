MATCH (e:Event {id: $id}) RETURN properties(e) AS node
