CREATE INDEX report_source_id IF NOT EXISTS FOR (r:Report) ON (r.source, r.id)
