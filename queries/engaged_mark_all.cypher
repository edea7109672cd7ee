// Restore: every event's ENGAGED links are written again (queries/engaged_refresh.cypher, at the end of the
// restore's transaction), whatever version of the loader wrote the backup.
MATCH (e:Event)
SET e:EngagedStale
