CREATE INDEX engaged_side_region_year_start_date IF NOT EXISTS FOR ()-[r:ENGAGED]-() ON (r.side, r.region, r.year, r.start_date)
