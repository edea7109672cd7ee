// The person with the most events whose 20 latest events are the same whether "its events" means those it
// took part in (PARTICIPANT only, as @neo4j/graphql's relationship field reads them) or ours (also the legs
// of trips it took part in, and events about it): no event about it, and no leg of its events among the
// latest 20 (benchmarks/peer_benchmark.py compares both APIs on the same answer).
MATCH (a:Person)<-[:PARTICIPANT]-(e:Event)
WITH a, e ORDER BY e.start_date DESC, e.id DESC
WITH a, collect(e) AS events
WHERE NOT EXISTS { (a)<-[:ABOUT]-(:Event) }
WITH a, events, events[CASE WHEN size(events) < 20 THEN size(events) - 1 ELSE 19 END] AS cut
WHERE NOT any(x IN events WHERE EXISTS {
  (x)<-[:PART_OF*1..3]-(leg:Event)
  WHERE leg.start_date > cut.start_date OR (leg.start_date = cut.start_date AND leg.id >= cut.id)
})
RETURN a.id AS id, size(events) AS events
ORDER BY events DESC, id
LIMIT 1
