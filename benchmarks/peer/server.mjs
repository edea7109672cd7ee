// @neo4j/graphql 7 on Apollo Server, over kg's graph: the peer benchmarks/peer_benchmark.py measures.
// Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, PEER_PORT; it prints "ready <url>".
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const here = dirname(fileURLToPath(import.meta.url));
const flagship = readFileSync(join(here, "..", "..", "queries", "read", "region_engagements.cypher"), "utf8");
// The first page of each region's events, as our API reads it by default: no cursor, `first` and one more.
const firstPage = flagship.replaceAll("$after_key", "null").replaceAll("$limit", "($first + 1)");
const typeDefs = readFileSync(join(here, "typedefs.graphql"), "utf8").replace(
  "__REGION_ENGAGEMENTS__",
  firstPage.replaceAll('"""', '\\"""'),
);

const driver = neo4j.driver(
  process.env.NEO4J_URI,
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);
const database = process.env.NEO4J_DATABASE ?? "neo4j";
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PEER_PORT ?? 0) },
  context: async () => ({ sessionConfig: { database } }),
});
console.log(`ready ${url}`);
