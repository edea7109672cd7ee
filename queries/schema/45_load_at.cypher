CREATE INDEX load_at IF NOT EXISTS FOR (n:Load) ON (n.at)
