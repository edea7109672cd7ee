// Loader: one row per source (digest). See graph/load/rows.py for the row shape.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n = row.props
