CREATE INDEX report_loaded_at IF NOT EXISTS FOR (r:Report) ON (r.loaded_at)
