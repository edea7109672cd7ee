// The person or organisation with the most events (at least 20, so the page is full) whose 20 latest events
// are the same whether "its events" means those it took part in (PARTICIPANT only, as @neo4j/graphql's
// relationship field reads them) or ours (also the legs of trips it took part in, and events about it): no
// event about it, and no leg of its events among the latest 20 (benchmarks/peer_benchmark.py compares both
// APIs on the same answer). A person of the synthetic data has about one event in 2,000; an organisation one
// in 500, so at 10,000 events it is an organisation that fills a page.
MATCH (a:Actor)<-[:PARTICIPANT]-(e:Event)
WHERE a:Person OR a:Organization
WITH a, e ORDER BY e.start_date DESC, e.id DESC
WITH a, collect(e) AS events
WHERE size(events) >= 20 AND NOT EXISTS { (a)<-[:ABOUT]-(:Event) }
WITH a, events, events[19] AS cut
WHERE NOT any(x IN events WHERE EXISTS {
  (x)<-[:PART_OF*1..3]-(leg:Event)
  WHERE leg.start_date > cut.start_date OR (leg.start_date = cut.start_date AND leg.id >= cut.id)
})
RETURN a.id AS id, size(events) AS events
ORDER BY events DESC, id
LIMIT 1
