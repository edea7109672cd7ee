// A page of agreements in $order (descending; read/agreements_page is the other way, and a page
// backwards is its page forwards, reversed) after a keyset cursor. The key is [flag, value, id]: the flag
// puts agreements without a date or a value last in the direction asked ($descending), whichever way the
// page walks.
MATCH (g:Agreement)
WHERE ($kinds IS NULL OR g.kind IN $kinds)
  AND ($party IS NULL OR EXISTS { (g)-[:PARTY]->(a:Actor) WHERE a.id IN $party })
  AND ($min_value_usd IS NULL OR g.value_usd >= $min_value_usd)
  AND ($value_min IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN g.value_usd
    WHEN g.value_currency = $currency THEN toFloat(g.value_amount) END >= $value_min, false))
  AND ($value_max IS NULL OR coalesce(CASE WHEN $currency IS NULL THEN g.value_usd
    WHEN g.value_currency = $currency THEN toFloat(g.value_amount) END <= $value_max, false))
  AND ($from IS NULL OR coalesce(g.end_date, g.start_date) >= $from)
  AND ($to IS NULL OR g.start_date <= $to)
WITH g, [CASE $order WHEN 'value' THEN (g.value_usd IS NULL) <> $descending
    WHEN 'date' THEN (g.start_date IS NULL) <> $descending ELSE false END,
  CASE $order WHEN 'date' THEN coalesce(g.start_date, date('1800-01-01')) WHEN 'title' THEN toLower(g.title)
    WHEN 'value' THEN coalesce(g.value_usd, 0.0) WHEN 'sources' THEN coalesce(g.source_count, 0) END,
  g.id] AS key
ORDER BY key DESC
WITH collect({key: key, node: properties(g)}) AS matched
RETURN size(matched) AS total, [m IN matched WHERE $after_key IS NULL OR m.key < $after_key][..$limit] AS page
