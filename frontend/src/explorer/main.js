// The explorer: search an actor or a place (GraphQL `resolve`), then see its neighbourhood as a network,
// the places it engaged on a map, and its events on a timeline. Clicking anything shows its evidence.
import cytoscape from "cytoscape";

import { exported, neighborhood, resolveName } from "./api.js";
import { showNode, showPlace } from "./details.js";
import { el } from "./dom.js";
import { createMap } from "./map.js";
import { createNetwork } from "./network.js";
import { createTimeline } from "./timeline.js";

const CLOSE_MATCH = 0.7;
const PLACE_KINDS = new Set(["country", "region", "city"]);
const status = document.getElementById("status");
const candidates = document.getElementById("candidates");
const form = document.getElementById("search");
const input = document.getElementById("search-text");

const eventTitles = new Map();
const network = createNetwork(document.getElementById("network"), showNode);
const map = createMap(document.getElementById("map"), (place) => showPlace(place, eventTitles));
const timeline = createTimeline(document.getElementById("timeline"), showNode);

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

async function explore(actor) {
  for (const button of candidates.querySelectorAll("button")) {
    button.setAttribute("aria-pressed", String(button.dataset.id === actor.id));
  }
  delete document.body.dataset.loaded;
  say(`Loading ${actor.name}…`);
  const filters = PLACE_KINDS.has(actor.kind.toLowerCase()) ? { place: actor.id } : { actor: actor.id };
  const [graph, elements, places] = await Promise.all([
    neighborhood(actor.id, 2),
    exported("graph.json", filters),
    exported("places.geojson", filters),
  ]);
  for (const { data } of elements.elements.nodes) if (data.category === "event") eventTitles.set(data.id, data.title);
  network.show(graph, actor.id);
  map.show(places);
  timeline.show(elements.elements);
  const count = elements.elements.nodes.filter((n) => n.data.category === "event").length;
  say(
    `${actor.name}: ${graph.nodes.length} nodes around it${graph.truncated ? " (cut at the size cap)" : ""}, ` +
      `${places.features.length} places, ${count} events.`,
  );
  document.body.dataset.loaded = actor.id;
}

async function search(text) {
  say(`Looking up “${text}”…`);
  // The best match is explored; the close ones stay a click away.
  const found = (await resolveName(text)).filter((hit, index) => index === 0 || hit.score >= CLOSE_MATCH);
  const button = ({ actor, matched }) =>
    el(
      "button",
      { type: "button", "data-id": actor.id, title: `${actor.id} (matched “${matched}”)`, onclick: () => run(() => explore(actor)) },
      actor.name,
    );
  candidates.replaceChildren(...found.map((hit) => el("li", {}, button(hit))));
  if (!found.length) return say(`Nothing in the graph is called “${text}”.`, true);
  const url = new URL(window.location.href);
  url.searchParams.set("q", text);
  window.history.replaceState(null, "", url);
  await explore(found[0].actor);
}

async function run(work) {
  try {
    await work();
  } catch (error) {
    say(error.message, true);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(() => search(input.value.trim()));
});

// For tests and the browser console: the network view and Cytoscape itself.
window.kgExplorer = { network, cytoscape };
const query = new URLSearchParams(window.location.search).get("q");
if (query) {
  input.value = query;
  run(() => search(query));
} else {
  run(async () => map.show(await exported("places.geojson", {})));
}
