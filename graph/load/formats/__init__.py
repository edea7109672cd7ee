"""One module per seed-file format, each reading a file record by record (`graph.load.items` picks one).

- `text`: the file's text in checked pieces and lines, shared by every format.
- `shape`: the first pass over the bytes (hash, size, whether YAML is in block style).
- `common`: `Item`, and what every reader shares: its problems, the record limit, reading a file whole.
- `csv_rows`, `json_records` (with `json_scanner`), `yaml_records` (with `yaml_split`): the formats.
"""
