// For each place id, the places it lies in (itself included, up to three levels up), for the place and
// country filters of answers computed outside the graph (asOf).
UNWIND $ids AS id
MATCH (:Place {id: id})-[:IN*0..3]->(within:Place)
RETURN id, collect(DISTINCT within.id) AS within
