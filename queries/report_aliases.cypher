// Loader: which fact each of these record ids stands for: a live report given under that id (the matcher
// attached the record to a known fact, or it declared same_as: `alias` true), or an analyst's `same` decision on
// a candidate pair (`kg review --decide`, a decisions file: `alias` false). One index seek each.
UNWIND $ids AS id
CALL (id) {
  MATCH (r:Report {alias: id})
  WHERE r.retracted_at IS NULL
  RETURN r.fact AS fact, true AS alias
  UNION
  MATCH (c:Candidate {right: id})
  WHERE c.decision = 'same'
  RETURN c.left AS fact, false AS alias
}
WITH id, fact, alias ORDER BY alias DESC, fact
RETURN id, collect(fact)[0] AS fact, collect(alias)[0] AS alias
