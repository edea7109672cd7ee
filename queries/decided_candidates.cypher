// Loader: which of these candidate pairs an analyst has decided (`kg review --decide`, a decisions file, a
// same_as / not_same_as), so `kg load` does not list them again.
UNWIND $ids AS id
MATCH (c:Candidate {id: id})
WHERE c.decision IS NOT NULL
RETURN c.id AS id, c.decision AS decision
