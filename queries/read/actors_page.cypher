// A page of actors (or places) in name order (ascending; read/actors_page_desc is the other way,
// and a page backwards is its page forwards, reversed) after a keyset cursor; the key is [false, name, id].
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($country IS NULL OR a.id = $country OR EXISTS { (a)-[:BELONGS_TO|IN*1..3]->(:Country {id: $country}) })
WITH a, [false, toLower(a.name), a.id] AS key
ORDER BY key
WITH collect({key: key, node: properties(a)}) AS matched
RETURN size(matched) AS total, [m IN matched WHERE $after_key IS NULL OR m.key > $after_key][..$limit] AS page
