// Loader: one :Change per file written, in the file's own transaction: who, when, which file and its content
// hash (sha256), the ids it created and updated, and how many of its records were unchanged. The history of a
// record (write_history.cypher) finds the loads that wrote it by its id in `created` / `updated`.
UNWIND $rows AS row
CREATE (:Change:Load {
  op: 'load', target: row.file, label: 'File', by: $by, at: $at,
  file: row.file, sha256: row.sha256, created: row.created, updated: row.updated, unchanged: row.unchanged
})
