// Starts GraphiQL (UMD globals React, ReactDOM, GraphiQL) with the example queries as tabs.
(function start() {
  const examples = JSON.parse(document.getElementById("kg-examples").textContent);
  const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: examples.length ? examples[0].query : undefined,
      defaultTabs: examples.map((example) => ({ query: example.query })),
      defaultEditorToolsVisibility: false,
    }),
  );
})();
