CREATE INDEX agreement_start_date IF NOT EXISTS FOR (n:Agreement) ON (n.start_date)
