CREATE INDEX event_start_date IF NOT EXISTS FOR (n:Event) ON (n.start_date)
