// Analysts' decisions (a file's decisions:, a record's same_as / not_same_as, `kg review --decide`) recorded on
// the candidate pair, so the matcher never proposes a pair called different again and `kg review` closes it.
UNWIND $decisions AS d
MERGE (n:Candidate {id: d.id})
ON CREATE SET n.kind = d.kind, n.left = d.left, n.right = d.right, n.found_at = datetime()
SET n.decision = d.decision, n.decided_at = datetime()
