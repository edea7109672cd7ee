// Mutations: which of these ids the graph holds, per base label, with what a write keeps or compares:
// the content hash (an unchanged record is not written again) and who created the node and when.
UNWIND $actors AS id MATCH (n:Actor {id: id})
RETURN 'Actor' AS label, id, n['_hash'] AS hash, n.created_by AS created_by, n.created_at AS created_at
UNION ALL
UNWIND $events AS id MATCH (n:Event {id: id})
RETURN 'Event' AS label, id, n['_hash'] AS hash, n.created_by AS created_by, n.created_at AS created_at
UNION ALL
UNWIND $agreements AS id MATCH (n:Agreement {id: id})
RETURN 'Agreement' AS label, id, n['_hash'] AS hash, n.created_by AS created_by, n.created_at AS created_at
UNION ALL
UNWIND $sources AS id MATCH (n:Source {id: id})
RETURN 'Source' AS label, id, n['_hash'] AS hash, n.created_by AS created_by, n.created_at AS created_at
