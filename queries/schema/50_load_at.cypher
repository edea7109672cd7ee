CREATE INDEX load_at IF NOT EXISTS FOR (l:Load) ON (l.at)
