// Loader: a file's :Change:Load, completed once all its records are written. The node is created first (its
// reports and id lists link to it as they are written, block by block); what the file did is known only at
// the end.
UNWIND $rows AS row
MATCH (c:Load {id: row.id})
SET c.sha256 = row.sha256, c.hashes = [x IN [row.sha256] WHERE x IS NOT NULL],
  c.created = row.created, c.updated = row.updated, c.merged = row.merged, c.retracted = row.retracted,
  c.unchanged = row.unchanged
