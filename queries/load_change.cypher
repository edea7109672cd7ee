// Loader: one :Change:Load per file written (or source unloaded), in its own transaction: who, when, which
// file and its content hash, counts of facts created / updated / merged (a fact another source reported
// before) / retracted (reports) / unchanged. The ids created and updated hang below it, a :LoadIds node per
// block (load_change_ids.cypher). Reports of the load link to it by `id`.
UNWIND $rows AS row
CREATE (:Change:Load {
  id: row.id, kind: row.kind, op: row.kind, target: row.file, label: 'File', by: $by, at: $at,
  file: row.file, files: [x IN [row.file] WHERE x IS NOT NULL], sha256: row.sha256, hashes: [x IN [row.sha256] WHERE x IS NOT NULL],
  created: row.created, updated: row.updated, merged: row.merged, retracted: row.retracted,
  unchanged: row.unchanged
})
