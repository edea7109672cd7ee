// Agreement statistics: the agreements the filters of read/agreements_page select (the same WHERE), per
// bucket of the keys the client groups by: how many, and the sum, least and greatest of their values, in
// USD and (for a bucket of one currency) in that currency. As in read/event_stats, every key is a column,
// null when not asked for, so one fixed query serves every combination; each key's list holds DISTINCT
// values (a key not asked for: one null), so an agreement is one row per bucket and counts once however
// many reports it has. A COLLECT inside a CASE branch runs only when the branch is taken.
// A party is any actor signing it; its region is a region that is a party, or whose city is one. Its
// period is the one it starts in (else the one its first signing starts in).
MATCH (g:Agreement)
WHERE ($kinds IS NULL OR g.kind IN $kinds)
  AND ($party IS NULL OR EXISTS { (g)-[:PARTY]->(a:Actor) WHERE a.id IN $party })
  AND ($min_value_usd IS NULL OR g.value_usd >= $min_value_usd)
  AND ($from IS NULL OR coalesce(g.end_date, g.start_date) >= $from)
  AND ($to IS NULL OR g.start_date <= $to)
WITH g,
     CASE WHEN $by_party THEN COLLECT { MATCH (g)-[:PARTY]->(a:Actor) RETURN DISTINCT a } ELSE [] END
       AS parties,
     CASE WHEN $by_region THEN COLLECT { MATCH (g)-[:PARTY]->(:Place)-[:IN*0..1]->(r:Region)
                                        RETURN DISTINCT r } ELSE [] END AS regions,
     CASE WHEN $by_currency THEN g.value_currency END AS currency,
     CASE WHEN $period IS NOT NULL THEN coalesce(g.start_date, COLLECT {
       MATCH (g)<-[:PRODUCED]-(signing:Event) RETURN signing.start_date AS day ORDER BY day LIMIT 1 }[0])
     END AS starts
WITH g, parties, regions, currency,
     CASE WHEN starts IS NOT NULL THEN date.truncate($period, starts) END AS period
UNWIND CASE WHEN parties = [] THEN [null] ELSE parties END AS party
UNWIND CASE WHEN regions = [] THEN [null] ELSE regions END AS region
WITH party, region, period, currency, count(g) AS count, count(g.value_amount) AS valued,
     count(g.value_usd) AS valued_usd, collect(DISTINCT g.value_currency) AS currencies,
     sum(g.value_usd) AS usd_sum, min(g.value_usd) AS usd_min, max(g.value_usd) AS usd_max,
     sum(toFloat(g.value_amount)) AS amount_sum, min(toFloat(g.value_amount)) AS amount_min,
     max(toFloat(g.value_amount)) AS amount_max
RETURN properties(party) AS party, properties(region) AS region, period, currency, count, valued, valued_usd,
       currencies, usd_sum, usd_min, usd_max, amount_sum, amount_min, amount_max
