CREATE INDEX report_source IF NOT EXISTS FOR (r:Report) ON (r.source)
