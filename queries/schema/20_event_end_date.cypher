CREATE INDEX event_end_date IF NOT EXISTS FOR (n:Event) ON (n.end_date)
