CREATE INDEX place_iso_code IF NOT EXISTS FOR (n:Place) ON (n.iso_code)
