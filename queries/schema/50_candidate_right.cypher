CREATE INDEX candidate_right IF NOT EXISTS FOR (n:Candidate) ON (n.right)
