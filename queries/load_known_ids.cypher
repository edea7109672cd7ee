// Loader: ids the files refer to but none defines, looked up in the graph (one index seek each), with the
// kind the catalog checks references against: an actor's kind, else event, agreement, office, claim, source.
UNWIND $ids AS id MATCH (n:Actor {id: id}) RETURN id, n.kind AS kind
UNION ALL
UNWIND $ids AS id MATCH (n:Event {id: id}) WHERE n.kind IS NOT NULL RETURN id, 'event' AS kind
UNION ALL
UNWIND $ids AS id MATCH (n:Agreement {id: id}) WHERE n.kind IS NOT NULL RETURN id, 'agreement' AS kind
UNION ALL
UNWIND $ids AS id MATCH (n:Office {id: id}) RETURN id, 'office' AS kind
UNION ALL
UNWIND $ids AS id MATCH (n:Claim {id: id}) RETURN id, 'claim' AS kind
UNION ALL
UNWIND $ids AS id MATCH (n:Source {id: id}) RETURN id, 'source' AS kind
