// Mutations: one :Load record per committed mutation, in its transaction, for the change feed (`changes`
// and its subscription): who, when, and how many nodes it created, updated and deleted (`retracted`).
CREATE (:Change:Load {id: $id, kind: 'mutation', op: 'mutation', by: $by, at: $at, files: [], hashes: [],
  created: $created, updated: $updated, merged: 0, retracted: $deleted, unchanged: 0})
