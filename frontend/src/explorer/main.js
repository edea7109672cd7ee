// The explorer: search an actor or a place (GraphQL `resolve`), then see its neighbourhood as a network,
// the places it engaged on a map, its events on a timeline, and the dashboard's numbers. The filter bar
// (dates, kinds) narrows the map, the timeline and the dashboard; clicking anything shows its evidence.
import cytoscape from "cytoscape";

import { exported, neighborhood, resolveName } from "./api.js";
import { createDashboard, kindCounts } from "./dashboard.js";
import { showNode, showPlace } from "./details.js";
import { el } from "./dom.js";
import { createFilters, exportParams } from "./filters.js";
import { createMap } from "./map.js";
import { createNetwork } from "./network.js";
import { createTimeline } from "./timeline.js";

const CLOSE_MATCH = 0.7;
const SETTLE_MS = 300; // a burst of filter changes (typing a date, ticking kinds) is one refresh
const PLACE_KINDS = new Set(["country", "region", "city"]);
const status = document.getElementById("status");
const candidates = document.getElementById("candidates");
const form = document.getElementById("search");
const input = document.getElementById("search-text");

const eventTitles = new Map();
const network = createNetwork(document.getElementById("network"), showNode);
const map = createMap(document.getElementById("map"), (place) => showPlace(place, eventTitles));
const timeline = createTimeline(document.getElementById("timeline"), showNode);
const filters = createFilters(document.getElementById("filters"), filtersChanged);
// The kinds the graph holds: the filter bar's choices and the dashboard's colours, asked once, when the
// dashboard first draws.
const listKinds = () =>
  kindCounts().then(
    (buckets) => {
      filters.setKinds(buckets);
      return buckets.map((bucket) => bucket.kind);
    },
    (error) => {
      say(`The kinds of event could not be listed: ${error.message}`, true);
      return [];
    },
  );
const dashboard = createDashboard(document.getElementById("dashboard-panel"), listKinds);
let subject = null; // the actor or place searched: {id, name, kind}
let around = ""; // what its network holds, said in the status line
let generation = 0;
let settling = null;

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

/** The filters of every view: the subject searched, as a place or an actor, and the filter bar's. */
function where() {
  if (!subject) return filters.values();
  const side = PLACE_KINDS.has(subject.kind.toLowerCase()) ? { place: subject.id } : { actor: subject.id };
  return { ...side, ...filters.values() };
}

/** Redraw the filtered views (map, timeline, dashboard) for the current filters; answers to an older
 * refresh that arrive late are dropped. `body[data-loaded]` says the map and the timeline are drawn; each
 * chart of the dashboard says its own state (`data-state`). */
async function refresh() {
  const mine = ++generation;
  delete document.body.dataset.loaded;
  const current = where();
  if (current.kinds?.length === 0) {
    map.show({ features: [] });
    timeline.show({ nodes: [], edges: [] });
    dashboard.nothing("No kind of event is chosen.");
    say("Choose at least one kind of event.");
    if (subject) document.body.dataset.loaded = subject.id;
    return;
  }
  dashboard.waiting();
  const params = exportParams(current);
  let elements, places;
  try {
    [elements, places] = await Promise.all([
      subject ? exported("graph.json", params) : null,
      exported("places.geojson", params),
    ]);
  } finally {
    // The dashboard asks after the map and the timeline have their answers, so it never slows them down;
    // it draws itself, and says its own errors, in its panel.
    if (mine === generation) dashboard.show(current);
  }
  if (mine !== generation) return;
  map.show(places);
  if (elements) {
    for (const { data } of elements.elements.nodes) if (data.category === "event") eventTitles.set(data.id, data.title);
    timeline.show(elements.elements);
    const count = elements.elements.nodes.filter((n) => n.data.category === "event").length;
    say(`${subject.name}: ${around}, ${places.features.length} places, ${count} events.`);
    document.body.dataset.loaded = subject.id;
  }
}

/** The views say at once that they are out of date, and are redrawn once the changes settle. */
function filtersChanged() {
  delete document.body.dataset.loaded;
  dashboard.waiting();
  clearTimeout(settling);
  settling = setTimeout(() => run(refresh), SETTLE_MS);
}

async function explore(actor) {
  for (const button of candidates.querySelectorAll("button")) {
    button.setAttribute("aria-pressed", String(button.dataset.id === actor.id));
  }
  subject = actor;
  delete document.body.dataset.loaded;
  say(`Loading ${actor.name}…`);
  const graph = await neighborhood(actor.id, 2);
  network.show(graph, actor.id);
  around = `${graph.nodes.length} nodes around it${graph.truncated ? " (cut at the size cap)" : ""}`;
  await refresh();
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
  run(refresh);
}
