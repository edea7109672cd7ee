"""A local Neo4j Community server, provisioned from Maven Central and run as a child process."""
