// Loader: retract reports (a file no longer gives the record, gives a new version of it, or is unloaded):
// they stay, unlinked from their fact, for history.
UNWIND $rows AS row
WITH row.id AS id
MATCH (r:Report {id: id})
SET r.retracted_at = $at
WITH r
OPTIONAL MATCH (r)-[of:OF]->()
DELETE of
