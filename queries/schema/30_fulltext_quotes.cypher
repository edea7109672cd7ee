CREATE FULLTEXT INDEX evidence_quotes IF NOT EXISTS
FOR ()-[r:EVIDENCE]-()
ON EACH [r.quote]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
