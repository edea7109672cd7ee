// How many synthetic events (benchmarks/synthetic.py) the graph holds: the benchmarks load them only once.
MATCH (e:Event) WHERE e.id STARTS WITH 'event:synthetic-'
RETURN count(e) AS events
