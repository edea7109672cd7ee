"""Reference data (countries, regions, cities) generated from packaged ISO, CLDR and GeoNames data.

Run `python -m graph.reference.build` to regenerate `seed_data/reference/`; the output is deterministic.
"""
