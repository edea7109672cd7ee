CREATE INDEX load_id IF NOT EXISTS FOR (l:Load) ON (l.id)
