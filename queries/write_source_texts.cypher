// Mutations: the stored text of each source a quote cites, to check the quote is in it. `text` is null
// when no text is stored for the source: (:Source)-[:HAS_TEXT]->(:SourceText {text}).
UNWIND $sources AS id
MATCH (s:Source {id: id})
OPTIONAL MATCH (s)-[:HAS_TEXT]->(t:SourceText)
RETURN id AS source, t.text AS text
