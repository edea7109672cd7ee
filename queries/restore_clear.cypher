// Restore, step 1: remove every node and relationship (the schema stays), inside the restore's transaction.
MATCH (n)
DETACH DELETE n
