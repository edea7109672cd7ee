CREATE INDEX participant_actor_start_date IF NOT EXISTS FOR ()-[r:PARTICIPANT]-() ON (r.actor, r.start_date)
