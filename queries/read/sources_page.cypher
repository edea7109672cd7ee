// A page of sources (digests) in period order after a keyset cursor.
MATCH (s:Source)
WITH s, coalesce(toString(s.period_start), '9999') + '|' + s.id AS key
ORDER BY key
WITH collect({key: key, node: properties(s)}) AS matched
RETURN size(matched) AS total, [m IN matched WHERE $after IS NULL OR m.key > $after][..$limit] AS page
