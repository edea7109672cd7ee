// Matcher: the IN links up from each given place, every level (a city to its region, the region to its country), as [place, containers].
UNWIND $ids AS id
MATCH (:Actor {id: id})-[:IN*0..3]->(p:Actor)-[:IN]->(up:Actor)
RETURN p.id AS place, collect(DISTINCT up.id) AS containers
