// A page of agreements in (date, id) order after a keyset cursor.
MATCH (g:Agreement)
WHERE ($kinds IS NULL OR g.kind IN $kinds)
  AND ($party IS NULL OR EXISTS { (g)-[:PARTY]->(a:Actor) WHERE a.id IN $party })
  AND ($min_value_usd IS NULL OR g.value_usd >= $min_value_usd)
  AND ($from IS NULL OR coalesce(g.end_date, g.start_date) >= $from)
  AND ($to IS NULL OR g.start_date <= $to)
WITH g, coalesce(toString(g.start_date), '9999') + '|' + g.id AS key
ORDER BY key
WITH collect({key: key, node: properties(g)}) AS matched
RETURN size(matched) AS total, [m IN matched WHERE $after IS NULL OR m.key > $after][..$limit] AS page
