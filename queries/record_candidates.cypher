// Matcher: candidate pairs for `kg review` (graph/reports/candidates.py). `left` is the known fact, `right` the
// incoming record; a pair already decided keeps its decision and is not reopened.
UNWIND $candidates AS c
MERGE (n:Candidate {id: c.id})
ON CREATE SET n.kind = c.kind, n.left = c.left, n.right = c.right
WITH n, c
WHERE n.decision IS NULL
SET n.score = c.score, n.evidence = c.evidence, n.found_at = datetime()
