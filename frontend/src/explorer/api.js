// The two ways the explorer reads the graph: GraphQL at /graphql and the REST exports at /export.

/** The answer's data; its errors' messages (ours, never a stack trace) as one Error. An answer that is not
 * GraphQL's JSON (a proxy's error page) is said as its HTTP status. */
export async function graphql(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const answer = await response.json().catch(() => null);
  if (answer?.errors?.length) throw new Error(answer.errors.map((e) => e.message).join("; "));
  if (!response.ok || !answer?.data) throw new Error(`the API answered HTTP ${response.status}`);
  return answer.data;
}

export async function exported(name, filters) {
  const response = await fetch(`/export/${name}?${new URLSearchParams(filters)}`);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${name}: HTTP ${response.status}`);
  }
  return response.json();
}

const RESOLVE = `query Resolve($name: String!) {
  resolve(name: $name, first: 5) { score matched actor { id name kind isoCode } }
}`;

export async function resolveName(name) {
  return (await graphql(RESOLVE, { name })).resolve;
}

const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int!) {
  neighborhood(id: $id, depth: $depth) {
    nodes { id label kind properties }
    edges { id source target type properties }
    truncated
  }
}`;

export async function neighborhood(id, depth = 2) {
  return (await graphql(NEIGHBORHOOD, { id, depth })).neighborhood;
}
