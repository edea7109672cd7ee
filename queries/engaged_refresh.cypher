// Every write transaction's last query (graph/store.py): the ENGAGED links of the events marked
// :EngagedStale, written again, the mark removed. The flagship (queries/read/region_engagements.cypher)
// reads them instead of walking every event of a state's actors.
// An event's ENGAGED link goes to each region it engaged, as queries/read/region_engagements_walk.cypher walks it:
// the event links to the region or a city in it (`via`: the types among IN_PLACE, PARTICIPANT, ABOUT); one
// link per `side`, the country that a participant of the event, or of a trip it is a leg of (PART_OF*0..3),
// acts for (graph/read/engagements.py `political_side`: a country for itself, a person or organisation for the
// country it belongs to); and one per `year` of its span, so that a window's overlapping events are sought in
// the index (queries/schema/20_engaged_side_region_year_start_date.cypher) from its first year, whenever they
// began. An event without both dates has none (the walk's date bounds never keep it).
// Who marks: queries/load_events*.cypher (the event and its legs), fact_delete and write_delete_event (the
// legs of a deleted trip), load_actors (the events of an actor or place whose kind, country or container
// changed), restore and engaged_of_older_graphs (every event). At most $limit events a run.
MATCH (e:EngagedStale)
WITH e LIMIT $limit
CALL (e) {
  MATCH (e)-[old:ENGAGED]->()
  DELETE old
}
CALL (e) {
  WITH e WHERE e.start_date IS NOT NULL AND e.end_date IS NOT NULL
  MATCH (e)-[:PART_OF*0..3]->(:Event)-[:PARTICIPANT]->(a:Actor)
  OPTIONAL MATCH (a)-[:BELONGS_TO|IN]->(c:Country)
  WITH e, CASE WHEN a.kind = 'country' THEN a.id
               WHEN a.kind IN ['person', 'organization'] THEN c.id END AS side
  WITH e, collect(DISTINCT side) AS sides
  WHERE size(sides) > 0
  MATCH (e)-[link:IN_PLACE|PARTICIPANT|ABOUT]->(:Place)-[:IN*0..1]->(region:Region)-[:IN]->(:Country)
  WITH e, sides, region, collect(DISTINCT type(link)) AS via
  UNWIND sides AS side
  UNWIND range(e.start_date.year, e.end_date.year) AS year
  CREATE (e)-[:ENGAGED {side: side, region: region.id, year: year, start_date: e.start_date,
                        end_date: e.end_date, via: via}]->(region)
}
REMOVE e:EngagedStale
RETURN count(e) AS refreshed
