// Loader: the content hash stored on each of these records, to tell new, changed and unchanged apart.
// One list of ids per base label, so each id costs one index seek. `linked`: it has outgoing relationships.
UNWIND $actors AS id MATCH (n:Actor {id: id}) RETURN id, n['_hash'] AS hash, EXISTS { (n)-->() } AS linked
UNION ALL
UNWIND $events AS id MATCH (n:Event {id: id}) RETURN id, n['_hash'] AS hash, EXISTS { (n)-->() } AS linked
UNION ALL
UNWIND $agreements AS id MATCH (n:Agreement {id: id}) RETURN id, n['_hash'] AS hash, EXISTS { (n)-->() } AS linked
UNION ALL
UNWIND $offices AS id MATCH (n:Office {id: id}) RETURN id, n['_hash'] AS hash, EXISTS { (n)-->() } AS linked
UNION ALL
UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN id, n['_hash'] AS hash, EXISTS { (n)-->() } AS linked
UNION ALL
UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN id, n['_hash'] AS hash, EXISTS { (n)-->() } AS linked
