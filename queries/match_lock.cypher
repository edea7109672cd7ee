// Loader, before the matcher's candidate search: lock one node per month that an incoming event's search window
// touches (graph/reports/candidates.py `lock_months`), in order. Two loads whose new events could be one event
// share a month, so the second waits until the first commits and then finds its events: they cannot both
// create the same fact. New offices and claims take a key per bucket of their ids ('office#3f',
// graph/load/matching.py `fact_locks`) the same way. SET then REMOVE takes the write lock and leaves nothing
// behind.
UNWIND $months AS month
MERGE (l:MatchLock {month: month})
SET l.held = true
REMOVE l.held
