// A page of sources (digests) in $order (ascending: read/sources_page_desc is the other way, and a page
// backwards is its page forwards, reversed) after a keyset cursor. The key is [flag, value, id]: by date
// (the start of the period a digest covers; the flag puts undated sources last in the direction asked,
// $descending, whichever way the page walks) or by title.
MATCH (s:Source)
WITH s, [CASE $order WHEN 'date' THEN (s.period_start IS NULL) <> $descending ELSE false END,
  CASE $order WHEN 'date' THEN coalesce(s.period_start, date('1800-01-01'))
    WHEN 'title' THEN toLower(coalesce(s.title, s.id)) END,
  s.id] AS key
ORDER BY key
WITH collect({key: key, node: properties(s)}) AS matched
RETURN size(matched) AS total, [m IN matched WHERE $after_key IS NULL OR m.key > $after_key][..$limit] AS page
