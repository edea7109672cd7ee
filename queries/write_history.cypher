// Mutations: who changed a node and when, oldest first (the :Change records of its id).
MATCH (c:Change {target: $target})
RETURN c.op AS op, c.target AS target, c.label AS label, c.by AS by, c.at AS at
ORDER BY c.at, elementId(c)
