CREATE INDEX in_place_actor_start_date IF NOT EXISTS FOR ()-[r:IN_PLACE]-() ON (r.actor, r.start_date)
