CREATE INDEX report_alias IF NOT EXISTS FOR (r:Report) ON (r.alias)
