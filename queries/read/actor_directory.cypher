// Every actor's names, for resolving what analysts type ("Minsk", "Lukashenko", "RU") to ids.
MATCH (a:Actor)
OPTIONAL MATCH (a)-[:BELONGS_TO|IN]->(c:Country)
RETURN a.id AS id, a.kind AS kind, a.name AS name, coalesce(a.aliases, []) AS aliases,
       a.iso_code AS iso_code, a.org_kind AS org_kind, c.id AS country
