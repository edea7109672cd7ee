// Matcher: the places each given place lies in, at every level (a city's region and country), as [place, container].
UNWIND $ids AS id
MATCH (p:Actor {id: id})-[:IN*1..4]->(up:Actor)
RETURN p.id AS place, collect(up.id) AS containers
