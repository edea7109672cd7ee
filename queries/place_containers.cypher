// Matcher: the chains of IN links up from each given place (a city, its region, its country), every level, as [place, chains of ids].
UNWIND $ids AS id
MATCH chain = (p:Actor {id: id})-[:IN*1..4]->(:Actor)
RETURN p.id AS place, collect([step IN nodes(chain) | step.id]) AS chains
