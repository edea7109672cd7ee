CREATE INDEX report_fact IF NOT EXISTS FOR (r:Report) ON (r.fact)
