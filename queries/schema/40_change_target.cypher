CREATE INDEX change_target IF NOT EXISTS FOR (n:Change) ON (n.target)
