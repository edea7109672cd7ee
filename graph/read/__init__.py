"""Read use cases over the graph: each function takes a GraphStore and runs named queries."""
