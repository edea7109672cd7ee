// The network view: a neighbourhood (GraphQL `neighborhood`) drawn with Cytoscape.js.
import cytoscape from "cytoscape";

const PLACE_KINDS = new Set(["country", "region", "city"]);

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 9,
      "text-wrap": "ellipsis",
      "text-max-width": 120,
      "text-valign": "bottom",
      "text-margin-y": 3,
      "background-color": "#4f86c6",
      width: 18,
      height: 18,
    },
  },
  { selector: 'node[category = "event"]', style: { shape: "round-rectangle", "background-color": "#f0a030" } },
  { selector: 'node[category = "agreement"]', style: { shape: "diamond", "background-color": "#8e5bd0" } },
  { selector: "node.place", style: { "background-color": "#3f9d5b" } },
  { selector: "node.centre", style: { width: 28, height: 28, "border-width": 3, "border-color": "#1d2a3a" } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#d9534f" } },
  {
    selector: "edge",
    style: {
      width: 1.2,
      "line-color": "#b5bfcc",
      "target-arrow-color": "#b5bfcc",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.7,
      "curve-style": "bezier",
    },
  },
  {
    // One event following up or responding to another (graph/model/links.py): dashed, labelled.
    selector: 'edge[type = "FOLLOWS"], edge[type = "RESPONSE_TO"]',
    style: {
      "line-style": "dashed",
      "line-color": "#f0a030",
      "target-arrow-color": "#f0a030",
      label: "data(relation)",
      "font-size": 7,
      color: "#9a6410",
      "text-rotation": "autorotate",
    },
  },
];

const RELATIONS = { FOLLOWS: "follows up", RESPONSE_TO: "responds to" };

export function createNetwork(container, onSelect) {
  const cy = cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 3 });
  cy.on("tap", "node", (event) => onSelect(event.target.data()));

  function show(graph, centreId) {
    const nodes = graph.nodes.map((node) => ({
      data: { ...node.properties, id: node.id, label: node.label, kind: node.kind },
      classes: [PLACE_KINDS.has(node.kind) ? "place" : "", node.id === centreId ? "centre" : ""].join(" "),
    }));
    const edges = graph.edges.map((edge) => ({
      data: {
        ...edge.properties,
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        relation: RELATIONS[edge.type] || "",
      },
    }));
    cy.elements().remove();
    cy.add([...nodes, ...edges]);
    cy.layout({ name: "cose", animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 60 }).run();
    cy.fit(undefined, 20);
  }

  return { cy, show };
}
