// Loader: the ids one block of a file created and updated, as a :LoadIds node under the file's :Change:Load
// (written with the block, so a file of millions of records never holds all its ids in memory, nor puts them
// into one property). write_history.cypher finds a record's loads through them.
UNWIND $rows AS row
MATCH (c:Load {id: row.load})
CREATE (c)-[:LISTS]->(:LoadIds {created: row.created, updated: row.updated})
