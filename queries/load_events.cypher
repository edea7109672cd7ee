// Loader: one row per event with its participants, places, trip, links to other events (FOLLOWS, RESPONSE_TO:
// graph/model/links.py, the type given by the row), topics, agreements, time nodes (days, months,
// years or decades: graph/model/dates.py) and evidence.
// A PARTICIPANT or IN_PLACE link carries its actor's id and its event's start_date, set on every write of the
// event (a reconciled fact's dates change here too): the candidate search seeks an actor's events in a date
// window through their index (queries/schema/20_participant_actor_start_date.cypher).
// The event and its legs are marked :EngagedStale: queries/engaged_refresh.cypher writes their ENGAGED links
// again before the transaction commits (a trip's participants are its legs' side).
// `$at` (the loader's: its file's load time) stands for a fact's first_reported and last_changed that the
// row's props leave out (one report: the same value on every row, sent once; a mutation's rows carry theirs).
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n = row.props
SET n.first_reported = coalesce(row.props.first_reported, $at),
  n.last_changed = coalesce(row.props.last_changed, $at)
WITH n, row, [label IN labels(n) WHERE label <> 'Event' AND NOT label IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels), n:EngagedStale
WITH n, row
CALL (n) {
  MATCH (leg:Event)-[:PART_OF*1..3]->(n)
  SET leg:EngagedStale
}
CALL (n, row) {
  MATCH (n)-[r:PARTICIPANT|IN_PLACE|PART_OF|FOLLOWS|RESPONSE_TO|ABOUT|PRODUCED|ON|EVIDENCE]->(t)
  // A time node's key is written as the model writes it: 2023-04-28, 2023-04, 2023 or 2020s.
  WITH r, row, coalesce(t.id, toString(t.date), left(toString(t.month), 7), toString(t.year),
                        toString(t.decade) + 's') AS target
  WHERE NOT (type(r) + '|' + target + '|' + coalesce(r.role, r.quote, '')) IN row.keys
  DELETE r
}
CALL (n, row) {
  UNWIND row.participants AS link
  MERGE (t:Actor {id: link.target})
  MERGE (n)-[r:PARTICIPANT {role: link.role}]->(t)
  SET r.sources = coalesce(row.link_sources['PARTICIPANT|' + link.target + '|' + link.role], row.sources),
    r.actor = link.target, r.start_date = n.start_date
}
CALL (n, row) {
  UNWIND row.places AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[r:IN_PLACE]->(t)
  SET r.sources = coalesce(row.link_sources['IN_PLACE|' + target + '|'], row.sources),
    r.actor = target, r.start_date = n.start_date
}
CALL (n, row) {
  UNWIND row.part_of AS target
  MERGE (t:Event {id: target})
  MERGE (n)-[r:PART_OF]->(t)
  SET r.sources = coalesce(row.link_sources['PART_OF|' + target + '|'], row.sources)
}
// One block per kind of `links` (graph/model/links.py), each with its static type: a MERGE on a dynamic type
// `$(link.type)` is planned as a scan of every relationship in the graph for each link.
CALL (n, row) {
  UNWIND [link IN row.links WHERE link.type = 'FOLLOWS'] AS link
  MERGE (t:Event {id: link.target})
  MERGE (n)-[r:FOLLOWS]->(t)
  SET r.sources = coalesce(row.link_sources['FOLLOWS|' + link.target + '|'], row.sources)
}
CALL (n, row) {
  UNWIND [link IN row.links WHERE link.type = 'RESPONSE_TO'] AS link
  MERGE (t:Event {id: link.target})
  MERGE (n)-[r:RESPONSE_TO]->(t)
  SET r.sources = coalesce(row.link_sources['RESPONSE_TO|' + link.target + '|'], row.sources)
}
CALL (n, row) {
  UNWIND row.about AS target
  MERGE (t:Actor {id: target})
  MERGE (n)-[r:ABOUT]->(t)
  SET r.sources = coalesce(row.link_sources['ABOUT|' + target + '|'], row.sources)
}
CALL (n, row) {
  UNWIND row.produced AS target
  MERGE (t:Agreement {id: target})
  MERGE (n)-[r:PRODUCED]->(t)
  SET r.sources = coalesce(row.link_sources['PRODUCED|' + target + '|'], row.sources)
}
CALL (n, row) {
  UNWIND row.days AS value
  MERGE (t:Day {date: value})
  MERGE (n)-[r:ON]->(t)
  SET r.sources = row.sources
}
CALL (n, row) {
  UNWIND row.months AS value
  MERGE (t:Month {month: value})
  MERGE (n)-[r:ON]->(t)
  SET r.sources = row.sources
}
CALL (n, row) {
  UNWIND row.years AS value
  MERGE (t:Year {year: value})
  MERGE (n)-[r:ON]->(t)
  SET r.sources = row.sources
}
CALL (n, row) {
  UNWIND row.decades AS value
  MERGE (t:Decade {decade: value})
  MERGE (n)-[r:ON]->(t)
  SET r.sources = row.sources
}
CALL (n, row) {
  UNWIND row.evidence AS evidence
  MERGE (t:Source {id: evidence.source})
  MERGE (n)-[r:EVIDENCE {quote: evidence.quote}]->(t)
  SET r.start = evidence.start, r.end = evidence.end
}
