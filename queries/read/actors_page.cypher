// A page of actors (or places) in name order after a keyset cursor.
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($country IS NULL OR a.id = $country OR EXISTS { (a)-[:BELONGS_TO|IN*1..3]->(:Country {id: $country}) })
WITH a, toLower(a.name) + '|' + a.id AS key
ORDER BY key
WITH collect({key: key, node: properties(a)}) AS matched
RETURN size(matched) AS total, [m IN matched WHERE $after IS NULL OR m.key > $after][..$limit] AS page
