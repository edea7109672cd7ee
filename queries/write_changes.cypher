// Mutations: one :Change per node written or deleted (who, when, what). It names its target by id and is
// not linked to it, so the record of a deletion outlives the deleted node.
UNWIND $rows AS row
CREATE (:Change {op: row.op, target: row.target, label: row.label, by: $by, at: $at})
